using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PluginHost.Web.Languages;
using PluginHost.Web.Security;

namespace PluginHost.Web.Pages;

/// <summary>What a page needs of its request: the language, the user and their role, and the antiforgery field for its forms.</summary>
public sealed class PageContext(HttpContext http)
{
    private Markup? _token;

    /// <summary>The request.</summary>
    public HttpContext Http => http;

    /// <summary>The page's words.</summary>
    public PageLanguage T { get; } = PageLanguage.Of(http);

    /// <summary>The signed-in user's name, or "" before sign-in.</summary>
    public string User => http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "" : "";

    /// <summary>Whether the user may post.</summary>
    public bool IsPoster => http.User.IsInRole(Roles.Poster);

    /// <summary>The user's role.</summary>
    public string Role => http.User.FindFirstValue(ClaimTypes.Role) ?? "";

    /// <summary>The hidden field every form carries (docs/web.md, "Security").</summary>
    public Markup Antiforgery
    {
        get
        {
            if (_token is null)
            {
                var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
                _token = Html.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
            }
            return _token;
        }
    }
}

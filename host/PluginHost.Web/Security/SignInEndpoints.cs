using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginHost.Web.Hosting;
using PluginHost.Web.Pages;
using PluginHost.Web.Languages;

namespace PluginHost.Web.Security;

/// <summary>Sign-in against the configured users, sign-out, and the language switch.</summary>
public static class SignInEndpoints
{
    /// <summary>Maps the endpoints; they are open to anyone.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext http, string? returnUrl) => Form(new PageContext(http), returnUrl, name: "", failed: false)).AllowAnonymous();

        app.MapPost("/signin", async (HttpContext http, WebSettings settings) =>
        {
            var page = new PageContext(http);
            var (form, refusal) = await Forms.ReadAsync(page, Forms.SmallFormBytes).ConfigureAwait(false);
            if (refusal is not null)
                return refusal;
            var name = form!["name"].ToString().Trim();
            var password = form["password"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            var user = settings.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
            var valid = user is not null ? PasswordHash.Verify(password, user.PasswordHash) : Spend(password);
            if (!valid || user is null)
                return Form(page, returnUrl, name, failed: true);
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role), new Claim(SessionCheck.StampClaim, SessionCheck.Stamp(user))], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous().RequireRateLimiting(WebServer.SignInLimit);

        app.MapPost("/signout", async (HttpContext http, WebSettings settings) =>
        {
            var page = new PageContext(http);
            var (_, refusal) = await Forms.ReadAsync(page, Forms.SmallFormBytes).ConfigureAwait(false);
            if (refusal is not null)
                return refusal;
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/signin");
        }).AllowAnonymous();

        app.MapGet("/language/{code}", (string code, string? back, HttpContext http) =>
        {
            if (PageLanguage.Normalize(code) is { } chosen)
                http.Response.Cookies.Append(PageLanguage.Cookie, chosen, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.Redirect(IsLocal(back) ? back! : "/");
        }).AllowAnonymous();
    }

    /// <summary>
    /// Only a path on this site: never another host (<c>//evil</c>, <c>/\evil</c>), and no control characters or spaces,
    /// which browsers strip before they follow the address (<c>/%09/evil</c> becomes <c>//evil</c>).
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    private static bool Spend(string password)
    {
        PasswordHash.SpendVerificationTime(password);
        return false;
    }

    private static IResult Form(PageContext page, string? returnUrl, string name, bool failed)
    {
        var t = page.T;
        return Layout.Page(page, t["SignIn.Title"], Html.Of($"""
            {Html.When(failed, () => Html.Of($"<p class=\"notice error\" id=\"signin-failed\">{t["SignIn.Failed"]}</p>"))}
            <form method="post" action="/signin" class="signin">
              {page.Antiforgery}
              <input type="hidden" name="returnUrl" value="{(IsLocal(returnUrl) ? returnUrl : "/")}">
              <p><label>{t["SignIn.Name"]}<br><input name="name" id="name" autocomplete="username" required value="{name}"{(name.Length == 0 ? Html.Of($" autofocus") : Markup.Empty)}></label></p>
              <p><label>{t["SignIn.Password"]}<br><input name="password" id="password" type="password" autocomplete="current-password" required{(name.Length > 0 ? Html.Of($" autofocus") : Markup.Empty)}></label></p>
              <p><button type="submit" class="primary">{t["SignIn.Submit"]}</button></p>
            </form>
            """), failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}

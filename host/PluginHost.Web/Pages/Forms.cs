using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PluginHost.Web.Pages;

/// <summary>
/// Reads a posted form and checks its antiforgery token, for every form of the site. A body over the upload limit
/// and a missing or foreign token are refused with a page that says so.
/// </summary>
public static class Forms
{
    /// <summary>The form, or the response that refuses it.</summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadAsync(PageContext page, long maxBytes)
    {
        var http = page.Http;
        // The server-wide limit is the upload's; a form without a file (sign-in, post, discard) is held to its own, so
        // that nobody can make the host read megabytes before the antiforgery token is checked.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + (maxBytes > SmallFormBytes ? FormOverheadBytes : 0);
        IFormCollection form;
        try
        {
            if (!http.Request.HasFormContentType)
                return (null, Layout.Message(page, page.T["Error.Title"], page.T["Error.NotAForm"], StatusCodes.Status400BadRequest));
            form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return (null, TooLarge(page, maxBytes));
        }
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, Layout.Message(page, page.T["Error.Title"], page.T["Error.Antiforgery"], StatusCodes.Status400BadRequest, "/", page.T["Nav.Upload"]));
        }
        return (form, null);
    }

    /// <summary>The most a form without a file may send: names, a password, a token, a few choices.</summary>
    public const long SmallFormBytes = 64 * 1024;

    /// <summary>What multipart framing and the other fields may add to a file (the server-wide limit allows the same).</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>The refusal of a request over its limit.</summary>
    public static IResult TooLarge(PageContext page, long maxBytes) =>
        Layout.Message(page, page.T["Upload.Refused"], page.T.Format("Upload.TooLarge", Megabytes(page, maxBytes)), StatusCodes.Status413PayloadTooLarge, "/", page.T["Upload.Again"]);

    /// <summary>A size in megabytes as the page writes it.</summary>
    public static string Megabytes(PageContext page, long bytes) => (bytes / 1024m / 1024m).ToString("0.##", page.T.Culture);
}

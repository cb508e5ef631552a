using Microsoft.AspNetCore.Http;

namespace PluginHost.Web.Pages;

/// <summary>
/// A report rendered by the engine's templates, served as it is (the same page the command line writes). Its own
/// content policy allows its inline styles and nothing else: no script, no request to anywhere.
/// </summary>
public static class ReportResponse
{
    /// <summary>The header value.</summary>
    public const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    /// <summary>The report as a page, or as a download named <paramref name="downloadName"/>.</summary>
    public static IResult Html(string html, string? downloadName = null) => new Result(html, downloadName);

    private sealed class Result(string html, string? downloadName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = Policy;
            if (downloadName is not null)
                httpContext.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = downloadName }.ToString();
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}

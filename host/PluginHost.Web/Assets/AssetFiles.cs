using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PluginHost.Web.Assets;

/// <summary>The page's one style sheet and one script, embedded in the assembly so the host needs no web root.</summary>
public static class AssetFiles
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["app.css"] = (Read("app.css"), "text/css; charset=utf-8"),
        ["app.js"] = (Read("app.js"), "text/javascript; charset=utf-8"),
    };

    /// <summary>Maps <c>/assets/NAME</c>, open to anyone (the sign-in page uses them).</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (!Files.TryGetValue(name, out var file))
                return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Bytes, file.Type);
        }).AllowAnonymous();

    private static byte[] Read(string name)
    {
        using var stream = typeof(AssetFiles).Assembly.GetManifestResourceStream("PluginHost.Web.Assets." + name)
            ?? throw new InvalidOperationException($"the asset {name} is not embedded in {typeof(AssetFiles).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

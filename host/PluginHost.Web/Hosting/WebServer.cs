using PluginHost.Engine.Ledger;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PluginHost.Engine.Posting;
using PluginHost.Web.Batches;
using PluginHost.Web.Catalog;
using PluginHost.Web.Pages;
using PluginHost.Web.Security;
using PluginHost.Web.Uploads;
using PluginHost.Web.Assets;

namespace PluginHost.Web.Hosting;

/// <summary>
/// The web page's host (docs/web.md): Kestrel on the given URLs (127.0.0.1 by default), cookie sign-in against the
/// configured users, antiforgery on every form, and the pages over the same runtime (plugins, rules, templates,
/// database) as the command line.
/// </summary>
public static class WebServer
{
    /// <summary>The rate limit on sign-in attempts.</summary>
    public const string SignInLimit = "signin";

    /// <summary>The address used when none is given.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";


    /// <summary>Builds the application; <see cref="WebApplication.StartAsync"/> or <c>Run</c> serves it.</summary>
    public static WebApplication Build(WebSettings settings, HostRuntime runtime, string urls, bool log = true)
    {
        // Every plugin's rules load before the first request: a rule file broken after the start then leaves these in
        // force (RULE040), as docs/web.md says, instead of finding no earlier rule set to keep.
        foreach (var plugin in runtime.Plugins.Plugins)
            _ = runtime.RulesFor(plugin);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        if (log)
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error); // keys kept unencrypted on disk: the folder's permissions protect them
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxUploadBytes + Forms.FormOverheadBytes;
        });

        var services = builder.Services;
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = settings.MaxUploadBytes + Forms.FormOverheadBytes);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new RuntimeProvider(runtime));
        services.AddSingleton<UploadStore>();
        services.AddSingleton<ValidationQueue>();
        services.AddHostedService<UploadSweeper>();
        if (settings.KeysFolder is { } keys)
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("PluginHost");
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "pluginhost.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/signin";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = context => SessionCheck.Validate(context, settings);
            o.Events.OnRedirectToLogin = context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.Value!.EndsWith("/status", StringComparison.Ordinal))
                    context.Response.Redirect(context.RedirectUri);
                else
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                var page = new PageContext(context.HttpContext);
                return Layout.Message(page, page.T["Forbidden.Title"], page.T["Forbidden.Text"], StatusCodes.Status403Forbidden, "/", page.T["Nav.Upload"]).ExecuteAsync(context.HttpContext);
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Poster, policy => policy.RequireRole(Roles.Poster));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pluginhost.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.Use(DatabaseFaults);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        AssetFiles.Map(app);
        SignInEndpoints.Map(app);
        UploadEndpoints.Map(app);
        BatchEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        return app;
    }

    /// <summary>Headers on every response: no sniffing, no framing by other sites, scripts and styles only from this site.</summary>
    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";
            if (!http.Request.Path.StartsWithSegments("/assets"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>
    /// A database that cannot be read (busy past the wait, damaged, newer than this program) is a page saying why in
    /// the command line's words (<see cref="DatabaseFault"/>), not a bare 500.
    /// </summary>
    private static async Task DatabaseFaults(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or LedgerSchemaException && !context.Response.HasStarted)
        {
            var page = new PageContext(context);
            var database = context.RequestServices.GetRequiredService<RuntimeProvider>().Current.Folders.Database;
            await Layout.Message(page, page.T["Database.Title"], page.T.Format("Database.Text", database, DatabaseFault.Describe(ex)), StatusCodes.Status503ServiceUnavailable, "/", page.T["Nav.Upload"])
                .ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}

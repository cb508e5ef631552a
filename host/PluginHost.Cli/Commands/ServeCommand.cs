using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Web.Hosting;
using PluginHost.Web.Security;

namespace PluginHost.Cli.Commands;

/// <summary>
/// <c>serve</c>: the upload page for finance users (docs/web.md), over the same database, plugins, rules and templates
/// as every other command; <c>serve --hash-password</c> makes the hash a user's entry in the settings needs.
/// </summary>
internal static class ServeCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen (else {WebServer.DefaultUrls}: this machine only)", DefaultValueFactory = _ => WebServer.DefaultUrls };
        var config = new Option<string?>("--config") { Description = "The web settings file (else PLUGINHOST_WEB_CONFIG, else pluginhost.web.json in the current folder); PLUGINHOST_WEB__* variables override it" };
        var hash = new Option<bool>("--hash-password") { Description = "Read a password from standard input, print its hash for a user's PasswordHash, and exit" };
        var command = new Command("serve", "Serve the upload page: upload a workbook, see its errors, fix, post, read the report") { urls, config, hash };
        return (command, context =>
        {
            var p = context.Parse;
            if (p.GetValue(hash))
                return HashPassword(context);

            var (settings, problems) = WebSettings.Load(p.GetValue(config) ?? WebSettings.DefaultFile());
            ProblemPrinter.Print(context.Error, problems);
            if (settings is null)
                return ExitCodes.Configuration;
            var address = p.GetValue(urls)!;
            if (!IsLoopbackOnly(address))
                context.Error.WriteLine($"warning: {address} is reachable from other machines; over plain http, passwords and cookies travel in clear. Put the page behind HTTPS.");
            ProblemPrinter.Print(context.Error, context.Runtime.Plugins.Failures);

            var app = WebServer.Build(settings, context.Runtime, address);
            app.Lifetime.ApplicationStarted.Register(() =>
                context.Out.WriteLine($"PluginHost web page on {string.Join(", ", app.Urls)}; database {context.Folders.Database}; {settings.Users.Count} user(s). Ctrl+C stops it."));
            try
            {
                app.Run();
            }
            catch (IOException ex)
            {
                context.Error.WriteLine($"error: cannot listen on {address}: {ex.Message}");
                return ExitCodes.BadInput;
            }
            return ExitCodes.Done;
        });
    }

    private static int HashPassword(CliContext context)
    {
        string? password;
        if (Console.IsInputRedirected)
            password = Console.In.ReadLine();
        else
        {
            context.Error.Write("Password: ");
            password = ReadHidden();
            context.Error.WriteLine();
        }
        if (string.IsNullOrEmpty(password))
        {
            context.Error.WriteLine("error: no password was given on standard input");
            return ExitCodes.BadInput;
        }
        context.Out.WriteLine(PasswordHash.Create(password));
        return ExitCodes.Done;
    }

    private static string ReadHidden()
    {
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                typed.Length--;
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }
        return typed.ToString();
    }

    private static bool IsLoopbackOnly(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
        Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Host == "localhost"));
}

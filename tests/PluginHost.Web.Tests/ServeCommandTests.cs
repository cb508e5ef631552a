using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PluginHost.Cli;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;
using PluginHost.Web.Security;

namespace PluginHost.Web.Tests;

/// <summary><c>pluginhost serve</c> as users start it: the real program, its settings file, its refusal to start without users.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void ServeRefusesToStartWithoutUsersAndSaysHowToAddOne()
    {
        var settings = _temp.File("pluginhost.web.json");
        File.WriteAllText(settings, """{ "Web": { "Users": [] } }""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["serve", "--config", settings, "--db", _temp.File("x.db")], stdout, stderr);
        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("error WEB002: no users are configured", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("pluginhost serve --hash-password", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("x.db")));
    }

    [Fact]
    public void ServeRefusesAPlainPasswordAndAnUnknownRole()
    {
        var settings = _temp.File("pluginhost.web.json");
        File.WriteAllText(settings, """{ "Web": { "Users": [ { "Name": "anna", "Role": "admin", "PasswordHash": "secret" } ] } }""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Configuration, CliApp.Run(["serve", "--config", settings], stdout, stderr));
        Assert.Contains("user anna: Role \"admin\" is not one of poster, viewer", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("user anna: PasswordHash is not a hash", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentVariablesOverrideTheSettingsFile()
    {
        var settings = _temp.File("pluginhost.web.json");
        await File.WriteAllTextAsync(settings, """{ "Web": { "Users": [], "MaxUploadMegabytes": 10 } }""");
        var serve = Start(["serve", "--config", settings], new Dictionary<string, string>
        {
            ["PLUGINHOST_WEB__USERS__0__NAME"] = "anna",
            ["PLUGINHOST_WEB__USERS__0__ROLE"] = "poster",
            ["PLUGINHOST_WEB__USERS__0__PASSWORDHASH"] = PasswordHash.Create("from the environment"),
            ["PLUGINHOST_WEB__MaxUploadMegabytes"] = "-1",
        });
        var error = await serve.StandardError.ReadToEndAsync();
        await serve.WaitForExitAsync();
        Assert.Equal(ExitCodes.Configuration, serve.ExitCode);
        Assert.DoesNotContain("WEB002", error, StringComparison.Ordinal); // the user came from the environment
        Assert.Contains("error WEB004: MaxUploadMegabytes -1 must be above 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashPasswordPrintsAHashThatTheRealServeAcceptsForSignIn()
    {
        var hashing = Start("serve", "--hash-password");
        await hashing.StandardInput.WriteLineAsync("Fjärran-Ledger-42");
        hashing.StandardInput.Close();
        var hash = (await hashing.StandardOutput.ReadToEndAsync()).Trim();
        await hashing.WaitForExitAsync();
        Assert.Equal(0, hashing.ExitCode);
        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("Fjärran-Ledger-42", hash));
        Assert.False(PasswordHash.Verify("Fjarran-Ledger-42", hash));

        var settings = _temp.File("pluginhost.web.json");
        await File.WriteAllTextAsync(settings, $$"""{ "Web": { "Users": [ { "Name": "anna", "Role": "poster", "PasswordHash": "{{hash}}" } ], "UploadFolder": "{{_temp.File("uploads")}}", "KeysFolder": "{{_temp.File("keys")}}" } }""");
        var port = FreePort();
        var serve = Start("serve", "--config", settings, "--urls", $"http://127.0.0.1:{port}", "--db", _temp.File("serve.db"));
        try
        {
            var started = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.StartsWith($"PluginHost web page on http://127.0.0.1:{port}", started, StringComparison.Ordinal);
            using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var client = new HttpClient(cookies) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
            var form = await client.GetStringAsync("/signin");
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["name"] = "ANNA", ["password"] = "Fjärran-Ledger-42", ["returnUrl"] = "/batches",
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/batches", signIn.Headers.Location?.OriginalString);
            var batches = await client.GetAsync("/batches");
            Assert.Equal(HttpStatusCode.OK, batches.StatusCode);
            Assert.Contains("No batches match.", await batches.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    private static Process Start(params string[] args) => Start(args, new Dictionary<string, string>());

    private static Process Start(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pluginhost.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("PLUGINHOST_WEB_CONFIG");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

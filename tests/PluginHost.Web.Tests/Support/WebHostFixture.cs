using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;
using PluginHost.Web.Hosting;
using PluginHost.Web.Security;

namespace PluginHost.Web.Tests.Support;

/// <summary>
/// The real web host, started in-process on a free loopback port over its own temp folder: a fresh SQLite file, a copy
/// of the shipped rules and templates (so a test may change them), the real plugins; and Debian's chromium, launched
/// headless through Playwright. One per test class; each test opens its own browser context (its own cookies).
/// </summary>
public class WebHostFixture : IAsyncLifetime
{
    public const string Poster = "anna";
    public const string PosterPassword = "anna-Ledger-7";
    public const string Viewer = "victor";
    public const string ViewerPassword = "victor-Looks-3";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public TempFolder Temp { get; } = new();

    public string Database => Temp.File("web.db");

    public string Rules => Temp.File("rules");

    public string Templates => Temp.File("templates");

    /// <summary>A copy of the built plugins, so a test can replace one under the running host.</summary>
    public string Plugins => Temp.File("plugins");

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The upload limit this host runs with, in megabytes.</summary>
    protected virtual double MaxUploadMegabytes => 6;

    public WebSettings Settings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Copy(Path.Combine(AppContext.BaseDirectory, "rules"), Rules);
        Copy(Path.Combine(AppContext.BaseDirectory, "templates"), Templates);
        Copy(Path.Combine(AppContext.BaseDirectory, "plugins"), Plugins);
        Prepare();
        var folders = new HostFolders(Plugins, Rules, Templates, Database);
        Settings = new WebSettings
        {
            Users =
            [
                new WebUser { Name = Poster, Role = Roles.Poster, PasswordHash = PasswordHash.Create(PosterPassword) },
                new WebUser { Name = Viewer, Role = Roles.Viewer, PasswordHash = PasswordHash.Create(ViewerPassword) },
            ],
            MaxUploadMegabytes = MaxUploadMegabytes,
            UploadFolder = Temp.File("uploads"),
            KeysFolder = Temp.File("keys"),
        };
        Assert.Empty(Settings.Check(null));
        _app = WebServer.Build(Settings, new HostRuntime(folders, TimeProvider.System), "http://127.0.0.1:0", log: false);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(60_000); // two cores shared with other builds: a page may take its time
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A plain HTTP client to this host whose requests announce their length and send their body only on the server's
    /// go-ahead (Expect: 100-continue): a request the server refuses early (413) is answered, never cut off mid-body.
    /// </summary>
    public HttpClient WaitingClient() =>
        new(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>A service of the running host, e.g. its validation queue.</summary>
    public T Service<T>() where T : notnull => _app!.Services.GetRequiredService<T>();

    /// <summary>A fresh browser context at laptop size, signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignedIn(string user, string password, string locale = "en-GB")
    {
        var page = await NewPage(locale);
        await page.GotoAsync(BaseUrl + "/signin");
        await page.FillAsync("#name", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.signin button[type=submit]");
        try
        {
            // The address, not the page's load event: on a busy machine the event can come late after the page is shown.
            await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(BaseUrl + "/");
        }
        catch (PlaywrightException)
        {
            throw new InvalidOperationException($"sign-in as {user} did not reach the upload page; at {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
        return page;
    }

    /// <summary>A fresh browser context at laptop size (1366×768), not signed in.</summary>
    public async Task<IPage> NewPage(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            AcceptDownloads = true,
            Locale = locale,
            BaseURL = BaseUrl,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Temp.Dispose();
    }

    /// <summary>Adds to the folders before the host starts (a fixture of its own for tests that need more plugins).</summary>
    protected virtual void Prepare()
    {
    }

    /// <summary>Copies a folder with everything in it.</summary>
    protected static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

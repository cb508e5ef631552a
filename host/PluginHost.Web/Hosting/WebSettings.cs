using Microsoft.Extensions.Configuration;
using PluginHost.Engine.Problems;
using PluginHost.Web.Security;

namespace PluginHost.Web.Hosting;

/// <summary>
/// The web page's settings: section <c>Web</c> of a JSON file (<c>--config</c>, else <c>PLUGINHOST_WEB_CONFIG</c>, else
/// <c>pluginhost.web.json</c> in the current folder when there is one), overridden by environment variables
/// <c>PLUGINHOST_WEB__NAME</c> (<c>PLUGINHOST_WEB__USERS__0__NAME</c> ...). docs/web.md describes every field.
/// </summary>
public sealed class WebSettings
{
    /// <summary>Who may sign in. The host does not start without one.</summary>
    public List<WebUser> Users { get; set; } = [];

    /// <summary>The largest workbook accepted, in megabytes (fractions allowed).</summary>
    public double MaxUploadMegabytes { get; set; } = 25;

    /// <summary>How long an upload that was neither posted nor discarded is kept, in minutes.</summary>
    public int UploadLifetimeMinutes { get; set; } = 60;

    /// <summary>Where uploads wait for posting; else <c>pluginhost-uploads</c> under the system temp folder.</summary>
    public string? UploadFolder { get; set; }

    /// <summary>How many validations run at once; more wait in turn, and pages stay responsive meanwhile.</summary>
    public int ValidationWorkers { get; set; } = 2;

    /// <summary>Where the keys that sign cookies and antiforgery tokens are kept; else ASP.NET Core's default.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>The limit in bytes.</summary>
    public long MaxUploadBytes => (long)(MaxUploadMegabytes * 1024 * 1024);

    /// <summary>
    /// The folder uploads go to: by default one per user in the temp folder, so another local user cannot read or
    /// swap uploaded workbooks (created readable by its owner only, see <c>UploadStore</c>).
    /// </summary>
    public string UploadRoot => Path.GetFullPath(UploadFolder ?? Path.Combine(Path.GetTempPath(), $"pluginhost-uploads-{Environment.UserName}"));

    /// <summary>The settings file the command line uses when none is given: the variable, else pluginhost.web.json here if it exists.</summary>
    public static string? DefaultFile() =>
        Environment.GetEnvironmentVariable("PLUGINHOST_WEB_CONFIG") is { Length: > 0 } named ? named
        : File.Exists("pluginhost.web.json") ? Path.GetFullPath("pluginhost.web.json") : null;

    /// <summary>Reads the settings; problems name the file or variable and the field.</summary>
    public static (WebSettings? Settings, IReadOnlyList<Problem> Problems) Load(string? file)
    {
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            if (!File.Exists(file))
                return (null, [Problem.Error("WEB001", $"the settings file {Path.GetFullPath(file)} does not exist", new SourceLocation { File = file })]);
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables("PLUGINHOST_");
        var settings = new WebSettings();
        try
        {
            builder.Build().GetSection("Web").Bind(settings);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException)
        {
            return (null, [Problem.Error("WEB001", $"the web settings cannot be read: {ex.Message}", new SourceLocation { File = file })]);
        }
        var problems = settings.Check(file);
        return (problems.HasErrors() ? null : settings, problems);
    }

    /// <summary>Every problem of the settings at once.</summary>
    public IReadOnlyList<Problem> Check(string? file)
    {
        var where = new SourceLocation { File = file ?? "PLUGINHOST_WEB__*" };
        var problems = new List<Problem>();
        if (Users.Count == 0)
            problems.Add(Problem.Error("WEB002", "no users are configured, so nobody could sign in; the page does not start without one. Make a password hash with `pluginhost serve --hash-password` and add {\"Name\": ..., \"Role\": \"poster\" or \"viewer\", \"PasswordHash\": ...} to Web:Users (docs/web.md)", where));
        foreach (var (user, index) in Users.Select((u, i) => (u, i)))
        {
            var name = string.IsNullOrWhiteSpace(user.Name) ? $"Users[{index}]" : user.Name;
            if (string.IsNullOrWhiteSpace(user.Name))
                problems.Add(Problem.Error("WEB003", $"Users[{index}] has no Name", where));
            if (!Roles.All.Contains(user.Role))
                problems.Add(Problem.Error("WEB003", $"user {name}: Role \"{user.Role}\" is not one of {string.Join(", ", Roles.All)}", where));
            if (!PasswordHash.IsWellFormed(user.PasswordHash))
                problems.Add(Problem.Error("WEB003", $"user {name}: PasswordHash is not a hash made by `pluginhost serve --hash-password` (plain passwords are never accepted)", where));
        }
        foreach (var twice in Users.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(Problem.Error("WEB003", $"user {twice.Key} is configured {twice.Count()} times", where));
        if (MaxUploadMegabytes is <= 0 or > 2048 || double.IsNaN(MaxUploadMegabytes))
            problems.Add(Problem.Error("WEB004", $"MaxUploadMegabytes {MaxUploadMegabytes} must be above 0 and at most 2048", where));
        if (UploadLifetimeMinutes < 1)
            problems.Add(Problem.Error("WEB004", $"UploadLifetimeMinutes {UploadLifetimeMinutes} must be at least 1", where));
        if (ValidationWorkers is < 1 or > 64)
            problems.Add(Problem.Error("WEB004", $"ValidationWorkers {ValidationWorkers} must be between 1 and 64", where));
        return problems;
    }
}

/// <summary>A user who may sign in.</summary>
public sealed class WebUser
{
    /// <summary>The name typed at sign-in (compared without regard to case) and recorded with every batch posted.</summary>
    public string Name { get; set; } = "";

    /// <summary><see cref="Roles.Poster"/> or <see cref="Roles.Viewer"/>.</summary>
    public string Role { get; set; } = "";

    /// <summary>The password's hash (<see cref="PasswordHash"/>), never the password.</summary>
    public string PasswordHash { get; set; } = "";
}

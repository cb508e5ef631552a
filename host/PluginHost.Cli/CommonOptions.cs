using System.CommandLine;

namespace PluginHost.Cli;

/// <summary>Options every command accepts (DESIGN.md, "Command line").</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db") { Description = "SQLite database file (else PLUGINHOST_DB, else pluginhost.db in the current folder)", Recursive = true };

    public static readonly Option<string?> Plugins = new("--plugins") { Description = "Plugins folder (else PLUGINHOST_PLUGINS, else next to the program)", Recursive = true };

    public static readonly Option<string?> Rules = new("--rules") { Description = "Rules folder (else PLUGINHOST_RULES, else next to the program)", Recursive = true };

    public static readonly Option<string?> Templates = new("--templates") { Description = "Templates folder (else PLUGINHOST_TEMPLATES, else next to the program)", Recursive = true };

    public static Option<string?> Language() => new("--lang") { Description = "Language of the report: en, sv (svenska) or nb (norsk bokmål); else en" };

    public static Option<bool> Json(string description = "Write one JSON object to stdout; human text goes to stderr") => new("--json") { Description = description };
}

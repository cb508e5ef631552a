using System.CommandLine;
using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;

namespace PluginHost.Cli;

/// <summary>What every command gets: the writers, the resolved folders and a host runtime.</summary>
internal sealed class CliContext(ParseResult parse, TextWriter stdout, TextWriter stderr)
{
    private HostRuntime? _runtime;

    public ParseResult Parse => parse;

    public TextWriter Out => stdout;

    public TextWriter Error => stderr;

    public HostFolders Folders { get; } = HostFolders.Resolve(
        parse.GetValue(CommonOptions.Plugins), parse.GetValue(CommonOptions.Rules),
        parse.GetValue(CommonOptions.Templates), parse.GetValue(CommonOptions.Database));

    public HostRuntime Runtime => _runtime ??= new HostRuntime(Folders, TimeProvider.System);

    /// <summary>Where human text goes: stderr when stdout carries JSON.</summary>
    public TextWriter Human(bool json) => json ? stderr : stdout;

    /// <summary>True when the command has a <c>--json</c> option and it was given.</summary>
    public bool WantsJson => parse.CommandResult.Command.Options.Any(o => o.Name == "--json") && parse.GetValue<bool>("--json");
}

namespace PluginHost.Engine.Posting;

/// <summary>The command line's exit codes (DESIGN.md, "Command line").</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Done = 0;

    /// <summary>Refused by the rules; nothing posted.</summary>
    public const int Refused = 1;

    /// <summary>Unreadable input or bad usage.</summary>
    public const int BadInput = 2;

    /// <summary>A plugin, rule file or template that does not load (or a plugin that fails while posting).</summary>
    public const int Configuration = 3;

    /// <summary>This file was already posted.</summary>
    public const int Duplicate = 4;
}

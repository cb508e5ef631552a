using Spectre.Console;

namespace PluginHost.Cli.Output;

/// <summary>Spectre.Console tables written to a given writer (so tests and redirection see plain text).</summary>
internal static class Tables
{
    /// <summary>A console on the writer; output that is not a terminal gets a wide page so tables do not wrap.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (writer != System.Console.Out || System.Console.IsOutputRedirected)
            console.Profile.Width = 240;
        return console;
    }

    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        return table;
    }

    public static void AddCells(this Table table, params object?[] cells) =>
        table.AddRow(cells.Select(c => Markup.Escape(Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToArray());
}

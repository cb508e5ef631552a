using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Robustness;

/// <summary>
/// Whatever a workbook holds (path-like names in its sheet, cells and file name), the host writes only the database,
/// the report and the error workbook it was told to write, and nothing anywhere else.
/// </summary>
public sealed class WriteConfinementTests : TempFolderTest
{
    private static readonly string[] Hostile =
        ["../../../escaped.html", "..\\..\\escaped.xlsx", "/tmp/escaped", "$(HOME)/escaped", "%TEMP%\\escaped", "file:///tmp/escaped", "=HYPERLINK(\"../x\")", "CON"];

    public static TheoryData<bool> Refused() => [true, false];

    [Theory]
    [MemberData(nameof(Refused))]
    public void AWorkbookFullOfPathsMakesTheHostWriteOnlyTheFilesItWasGiven(bool refused)
    {
        var work = Directory.CreateDirectory(Path.Combine(Temp.Path, "a", "b", "c")).FullName;
        var journal = OutputJournal.New();
        foreach (var (text, i) in Hostile.Select((t, i) => (t, i)))
            journal.Row(OutputJournal.Day, text, text, text, "10", 1m, refused && i == 0 ? -3m : 1m + i, null);
        var workbook = journal.WriteTo(Path.Combine(work, "..%2F..%2Fjournal;rm -rf ~.xlsx"), sheet: "Output Journal");
        var db = Path.Combine(work, "ledger.db");
        var report = Path.Combine(work, "out", "given.report.html");
        var errors = Path.Combine(work, "out", "given.errors.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        var before = FilesUnder(Temp.Path);
        // Where the cells would land outside the test's folder if any of them were taken as a path.
        string[] outside = [
            "/tmp/escaped", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "escaped"), Path.Combine(Path.GetTempPath(), "escaped"),
            Path.GetFullPath("../../../escaped.html"), Path.GetFullPath("../../escaped.xlsx"), Path.GetFullPath("CON"),
        ];
        var existedBefore = outside.Where(File.Exists).ToList();

        var run = Support.Cli.Run(["post", workbook, "--report", report, "--errors", errors, .. Support.Cli.Folders(db)]);

        Assert.True(run.ExitCode == (refused ? ExitCodes.Refused : ExitCodes.Done), run.Out + run.Error);
        var written = FilesUnder(Temp.Path).Except(before).ToList();
        string[] required = [db, report, .. refused ? [errors] : Array.Empty<string>()];
        Assert.All(written, file => Assert.Contains(file, (string[])[.. required, db + "-shm", db + "-wal"]));
        Assert.All(required, file => Assert.Contains(file, written));
        Assert.Equal(existedBefore, outside.Where(File.Exists));
    }

    private static HashSet<string> FilesUnder(string folder) => [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)];
}

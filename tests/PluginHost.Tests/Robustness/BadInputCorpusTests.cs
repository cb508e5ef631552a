using System.IO.Compression;
using System.Text;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Robustness;

/// <summary>
/// A corpus of bad inputs, each written by the test: every one gets a clear message naming the problem, exit code 2
/// (unreadable) or 1 (refused by the rules), and the ledger holds no entry afterwards.
/// </summary>
public sealed class BadInputCorpusTests : TempFolderTest
{
    private static readonly string[] Headers = OutputJournal.Headers;

    public static TheoryData<string> Cases() => [.. Inputs.Keys];

    private static readonly Dictionary<string, (Func<string, string> Write, int ExitCode, string Says)> Inputs = new()
    {
        ["random bytes named .xlsx"] = (d => Bytes(d, "random.xlsx", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251))]), ExitCodes.BadInput, "cannot be read as a workbook"),
        ["text file renamed .xlsx"] = (d => Text(d, "notes.xlsx", "this is not a workbook\n"), ExitCodes.BadInput, "cannot be read as a workbook"),
        ["zero-byte .xlsx"] = (d => Bytes(d, "empty.xlsx", []), ExitCodes.BadInput, "cannot be read as a workbook"),
        ["truncated zip"] = (d => Truncated(d), ExitCodes.BadInput, "cannot be read as a workbook"),
        ["zip without a workbook inside"] = (d => ZipOf(d, "other.xlsx", ("hello.txt", "hi")), ExitCodes.BadInput, "cannot be read as a workbook"),
        ["OLE header and nothing else"] = (d => Bytes(d, "locked.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]), ExitCodes.BadInput, "cannot be read as a workbook"),
        ["workbook encrypted with a password"] = (d => Encrypted(d), ExitCodes.BadInput, "protected with a password"),
        ["zip bomb: 250 KB that inflates to 256 MB"] = (d => ZipBomb(d), ExitCodes.BadInput, "zip bomb"),
        ["unknown extension"] = (d => Text(d, "journal.ods", "x"), ExitCodes.BadInput, "cannot be read as a workbook"),
        ["missing file"] = (d => Path.Combine(d, "nowhere.xlsx"), ExitCodes.BadInput, "nowhere.xlsx does not exist"),
        ["a folder, not a file"] = (d => Directory.CreateDirectory(Path.Combine(d, "folder.xlsx")).FullName, ExitCodes.BadInput, "folder.xlsx is a folder, not a workbook"),
        ["workbook with no rows"] = (d => Sheet(d, "blank.xlsx", [], []), ExitCodes.BadInput, "the workbook is empty"),
        ["headers only"] = (d => Sheet(d, "headers.xlsx", Headers, []), ExitCodes.BadInput, "no journal lines"),
        ["duplicate headers"] = (d => Sheet(d, "dup.xlsx", [.. Headers, "Run Time"], [Row(1, 1)]), ExitCodes.BadInput, "Run Time"),
        ["missing key column"] = (d => Sheet(d, "nokey.xlsx", [.. Headers.Where(h => h != "Output Quantity")], [Row(1, 1)[..6]]), ExitCodes.BadInput, "Output Quantity"),
        ["10,000 columns"] = (d => Sheet(d, "wide.xlsx", [.. Headers, .. Enumerable.Range(0, 10_000).Select(i => $"Extra {i}")], [Row(1, 1)]), ExitCodes.Done, ""),
        ["a 1 MB cell"] = (d => Sheet(d, "bigcell.xlsx", Headers, [[OutputJournal.Day, new string('D', 1 << 20), "PO-1", "ITEM-1", "10", 1m, 1m, null]]), ExitCodes.BadInput, "1048576 characters long"),
        ["#N/A and #DIV/0! cells"] = (d => Sheet(d, "errors.xlsx", Headers, [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", new ExcelError("#DIV/0!"), new ExcelError("#N/A"), null]]), ExitCodes.BadInput, "#DIV/0!"),
        ["date before 1900"] = (d => Sheet(d, "old.xlsx", Headers, [["1899-12-31", "OUT-1", "PO-1", "ITEM-1", "10", 1m, 1m, null]]), ExitCodes.BadInput, "before 1900"),
        ["date that is no date"] = (d => Sheet(d, "when.xlsx", Headers, [["yesterday", "OUT-1", "PO-1", "ITEM-1", "10", 1m, 1m, null]]), ExitCodes.BadInput, "Posting Date"),
        ["quantity of 1e30"] = (d => Sheet(d, "huge.xlsx", Headers, [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 1m, 1e30, null]]), ExitCodes.BadInput, "Output Quantity"),
        ["negative zero quantity (run time only: posts, as zero)"] = (d => Sheet(d, "negzero.xlsx", Headers, [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 1m, -0.0, null]]), ExitCodes.Done, ""),
        ["quantity with six decimals"] = (d => Sheet(d, "fine.xlsx", Headers, [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 1m, "1.000001", null]]), ExitCodes.BadInput, "Output Quantity"),
        ["text where a quantity belongs"] = (d => Sheet(d, "abc.xlsx", Headers, [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 1m, "abc", null]]), ExitCodes.BadInput, "Output Quantity"),
        ["applies-to entry that is not a number"] = (d => Sheet(d, "applies.xlsx", Headers, [[OutputJournal.Day, "REV-1", "PO-1", "ITEM-1", "10", -1m, -1m, "first"]]), ExitCodes.BadInput, "Applies-to Entry"),
        ["reversal of an entry that does not exist"] = (d => Sheet(d, "ghost.xlsx", Headers, [[OutputJournal.Day, "REV-1", "PO-1", "ITEM-1", "10", -1m, -1m, 999L]]), ExitCodes.Refused, "999"),
        ["control characters in text"] = (d => Text(d, "control.csv", string.Join(';', Headers) + "\n2026-11-02;OUT\u0001\u0007-1;PO-1;ITEM-1;10;1;1;\n"), ExitCodes.BadInput, "U+0001"),
        ["right-to-left override in an item number"] = (d => Sheet(d, "rtl.xlsx", Headers, [[OutputJournal.Day, "OUT-1", "PO-1", "\u202EITEM-1", "10", 1m, 1m, null]]), ExitCodes.BadInput, "U+202E"),
        ["empty CSV"] = (d => Text(d, "empty.csv", ""), ExitCodes.BadInput, "the workbook is empty"),
        ["CSV with headers only"] = (d => Text(d, "headers.csv", string.Join(';', Headers) + "\n"), ExitCodes.BadInput, "no journal lines"),
        ["CSV with another separator (detected: posts)"] = (d => Text(d, "pipes.csv", string.Join('|', Headers) + "\n2026-11-02|OUT-1|PO-1|ITEM-1|10|1|1|\n"), ExitCodes.Done, ""),
        ["CSV with a semicolon in a quoted value and a broken quote"] = (d => Text(d, "quotes.csv", string.Join(';', Headers) + "\n2026-11-02;\"OUT;1;PO-1;ITEM-1;10;1;1;\n"), ExitCodes.Refused, "Prod. Order No. is required"),
        ["path-like file name"] = (d => Sheet(d, "..\\..\\etc\\passwd;rm -rf.xlsx", Headers, [[OutputJournal.Day, "", "PO-1", "ITEM-1", "10", 1m, 1m, null]]), ExitCodes.Refused, "Document No."),
        ["a sheet of something else"] = (d => Sheet(d, "other.xlsx", ["Name", "Phone"], [["Anna", "555"]]), ExitCodes.BadInput, "matches no plugin"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadInputIsNamedWithItsProblemAndLeavesTheLedgerWithoutEntries(string input)
    {
        var (write, exitCode, says) = Inputs[input];
        var db = Temp.File("ledger.db");
        var path = write(Temp.Path);

        var outcome = TestHost.Post(db, path);

        Assert.True(exitCode == outcome.ExitCode, $"{input}: exit {outcome.ExitCode} ({outcome.Status}): {string.Join(" | ", outcome.Problems.Select(p => $"{p.Where} {p.Code} {p.Message}"))}");
        if (exitCode == ExitCodes.Done)
            return; // columns posting does not read are named in the report, not refused
        Assert.NotEmpty(outcome.Errors);
        // The message itself must say it: the location (the file's path) would name any input's file.
        Assert.True(outcome.Errors.Any(e => e.Message.Contains(says, StringComparison.Ordinal)), $"{input}: no error says \"{says}\": {string.Join(" | ", outcome.Errors.Select(e => e.Message))}");
        Assert.True(!File.Exists(db) || LedgerQueries.Count(db, "item_entry") == 0, $"{input}: entries were posted");
    }

    private static object?[] Row(decimal quantity, decimal runTime) => [OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", runTime, quantity, null];

    private static string Sheet(string folder, string name, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows)
    {
        var path = Path.Combine(folder, name);
        XlsxWriter.Write(path, new XlsxWriter.Sheet("Output Journal", headers, rows));
        return path;
    }

    private static string Bytes(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Text(string folder, string name, string text) => Bytes(folder, name, Encoding.UTF8.GetBytes(text));

    private static string Truncated(string folder)
    {
        var whole = File.ReadAllBytes(OutputJournal.New().Output(1, 1).WriteTo(Path.Combine(folder, "whole.xlsx")));
        return Bytes(folder, "truncated.xlsx", whole[..(whole.Length / 2)]);
    }

    private static string Encrypted(string folder)
    {
        var path = Path.Combine(folder, "locked.xlsx");
        CompoundFile.Write(path, ("EncryptionInfo", [4, 0, 4, 0, 0x40, 0, 0, 0, .. Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><encryption/>")]),
            ("EncryptedPackage", [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 131 % 256))]));
        return path;
    }

    /// <summary>A real workbook whose one text cell is 256 MB of the same letter: a quarter of a megabyte on disk.</summary>
    private static string ZipBomb(string folder)
    {
        var path = Sheet(folder, "bomb.xlsx", Headers, [[OutputJournal.Day, "BOMB", "PO-1", "ITEM-1", "10", 1m, 1m, null]]);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        string xml;
        using (var reader = new StreamReader(sheet.Open()))
            xml = reader.ReadToEnd();
        sheet.Delete();
        var (before, after) = (xml[..(xml.IndexOf("BOMB", StringComparison.Ordinal))], xml[(xml.IndexOf("BOMB", StringComparison.Ordinal) + 4)..]);
        using var output = new StreamWriter(zip.CreateEntry(sheet.FullName, CompressionLevel.SmallestSize).Open());
        output.Write(before);
        var block = new string('B', 1 << 20);
        for (var i = 0; i < 256; i++)
            output.Write(block);
        output.Write(after);
        return path;
    }

    private static string ZipOf(string folder, string name, params (string Entry, string Text)[] entries)
    {
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(text);
        }
        return path;
    }
}

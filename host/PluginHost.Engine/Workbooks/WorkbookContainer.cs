using System.IO.Compression;
using System.Text;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Looks at a workbook's container before any reader opens it, for what no reader should be handed: a zip that
/// inflates far beyond its size (a zip bomb, which would exhaust memory inside ExcelDataReader) and a password-protected
/// workbook (an OLE compound file holding an EncryptedPackage stream), which deserves its own message.
/// </summary>
internal static class WorkbookContainer
{
    /// <summary>Above this many bytes inflated, a part must also compress less than <see cref="MaxRatio"/> times.</summary>
    private const long RatioCheckedAbove = 64L << 20;

    /// <summary>Sheet XML compresses about 5 to 30 times; a zip bomb, a thousand times and more.</summary>
    private const long MaxRatio = 200;

    /// <summary>No real journal comes near: a million-line sheet is about half a gigabyte of XML.</summary>
    private const long MaxInflatedBytes = 4L << 30;

    private static readonly byte[] ZipSignature = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Why the file must not be read, or null when the container looks sound (its content is the reader's business).</summary>
    public static string? Refusal(string path)
    {
        var head = new byte[8];
        using (var stream = File.OpenRead(path))
            stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (head.AsSpan().StartsWith(ZipSignature))
            return ZipRefusal(path);
        if (head.AsSpan().SequenceEqual(CompoundFileSignature) && CompoundFileStreams.Names(path).Contains("EncryptedPackage"))
            return PasswordProtected;
        return null;
    }

    /// <summary>The message for a workbook saved with a password to open it.</summary>
    public const string PasswordProtected =
        "the workbook is protected with a password (encrypted), so it cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again";

    private static string? ZipRefusal(string path)
    {
        long total = 0;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > RatioCheckedAbove && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
                    return $"the part {entry.FullName} would inflate from {Megabytes(entry.CompressedLength)} to {Megabytes(entry.Length)} ({entry.Length / Math.Max(1, entry.CompressedLength)} times): this is not how a workbook compresses, so it is not read (a zip bomb?)";
                if (total > MaxInflatedBytes)
                    return $"the workbook would inflate to more than {Megabytes(MaxInflatedBytes)}, far beyond any journal; split it into smaller workbooks";
            }
        }
        catch (InvalidDataException)
        {
            return null; // a damaged zip: the reader says what it can of it
        }
        return null;
    }

    private static string Megabytes(long bytes) => bytes < 1 << 20 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1048576.0:0.#} MB";

    /// <summary>The stream names in an OLE compound file's directory (MS-CFB), read without a library.</summary>
    private static class CompoundFileStreams
    {
        private const uint EndOfChain = 0xFFFFFFFE;

        public static HashSet<string> Names(string path)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var file = File.OpenHandle(path);
            var length = RandomAccess.GetLength(file);
            var header = new byte[512];
            if (RandomAccess.Read(file, header, 0) < header.Length)
                return names;
            var sectorSize = 1 << BitConverter.ToUInt16(header, 0x1E);
            if (sectorSize is not (512 or 4096))
                return names;
            var fatSectors = Enumerable.Range(0, 109).Select(i => BitConverter.ToUInt32(header, 0x4C + 4 * i)).TakeWhile(s => s < EndOfChain).ToList();
            var word = new byte[4];
            uint Next(uint sector)
            {
                var perSector = sectorSize / 4;
                var fatIndex = (int)(sector / perSector);
                if (fatIndex >= fatSectors.Count)
                    return EndOfChain; // beyond the header's FAT list: stop rather than guess
                var offset = (long)(fatSectors[fatIndex] + 1) * sectorSize + (sector % perSector) * 4;
                return RandomAccess.Read(file, word, offset) == 4 ? BitConverter.ToUInt32(word) : EndOfChain;
            }
            var sectorBytes = new byte[sectorSize];
            var directory = BitConverter.ToUInt32(header, 0x30);
            for (var hops = 0; directory < EndOfChain && hops < 10_000; hops++, directory = Next(directory))
            {
                var start = (long)(directory + 1) * sectorSize;
                if (start + sectorSize > length || RandomAccess.Read(file, sectorBytes, start) < sectorSize)
                    break;
                for (var entry = 0; entry + 128 <= sectorSize; entry += 128)
                {
                    var nameBytes = BitConverter.ToUInt16(sectorBytes, entry + 64);
                    if (nameBytes is >= 2 and <= 64)
                        names.Add(Encoding.Unicode.GetString(sectorBytes, entry, nameBytes - 2));
                }
            }
            return names;
        }
    }
}

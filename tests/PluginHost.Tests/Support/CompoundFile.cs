using System.Text;

namespace PluginHost.Tests.Support;

/// <summary>
/// Writes a small, structurally valid OLE compound file (MS-CFB version 3, 512-byte sectors): what Excel saves when a
/// workbook is encrypted with a password is such a file holding the streams EncryptionInfo and EncryptedPackage.
/// </summary>
public static class CompoundFile
{
    private const uint Free = 0xFFFFFFFF, EndOfChain = 0xFFFFFFFE, FatSector = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;
    private const int Sector = 512;

    /// <summary>Writes streams of at least 4096 bytes each (so no mini stream is needed) under the root entry.</summary>
    public static void Write(string path, params (string Name, byte[] Content)[] streams)
    {
        var padded = streams.Select(s => (s.Name, Content: s.Content.Concat(new byte[Math.Max(0, 4096 - s.Content.Length)]).ToArray())).ToList();
        var sectorsOf = padded.Select(s => (s.Content.Length + Sector - 1) / Sector).ToList();
        var fat = new List<uint> { FatSector, EndOfChain }; // sector 0: the FAT, sector 1: the directory
        var starts = new List<uint>();
        foreach (var count in sectorsOf)
        {
            starts.Add((uint)fat.Count);
            for (var i = 1; i < count; i++)
                fat.Add((uint)fat.Count + 1);
            fat.Add(EndOfChain);
        }
        while (fat.Count < Sector / 4)
            fat.Add(Free);

        using var file = new BinaryWriter(File.Create(path));
        file.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        file.Write(new byte[16]); // CLSID
        file.Write((ushort)0x3E); file.Write((ushort)3); file.Write((ushort)0xFFFE); file.Write((ushort)9); file.Write((ushort)6);
        file.Write(new byte[6]);
        file.Write(0u); file.Write(1u); file.Write(1u); file.Write(0u); // directory sectors (v3: 0), FAT sectors, first directory sector, transaction
        file.Write(4096u); file.Write(EndOfChain); file.Write(0u); file.Write(EndOfChain); file.Write(0u); // mini cutoff, no mini FAT, no DIFAT sectors
        file.Write(0u); // the FAT is sector 0
        for (var i = 1; i < 109; i++)
            file.Write(Free);

        foreach (var entry in fat)
            file.Write(entry);

        Entry(file, "Root Entry", type: 5, left: NoStream, right: NoStream, child: padded.Count > 0 ? 1u : NoStream, start: EndOfChain, size: 0);
        // Siblings as a chain to the right: the names are written in the order CFB compares them (length, then letters).
        var order = padded.Select((s, i) => (s.Name, Index: i)).OrderBy(s => s.Name.Length).ThenBy(s => s.Name.ToUpperInvariant(), StringComparer.Ordinal).ToList();
        for (var n = 0; n < order.Count; n++)
            Entry(file, order[n].Name, type: 2, left: NoStream, right: n + 1 < order.Count ? (uint)(n + 2) : NoStream, child: NoStream,
                start: starts[order[n].Index], size: (uint)padded[order[n].Index].Content.Length);
        for (var n = order.Count + 1; n < 4; n++)
            file.Write(EmptyEntry());

        foreach (var (_, content) in padded)
            file.Write(content.Concat(new byte[(Sector - content.Length % Sector) % Sector]).ToArray());
    }

    private static void Entry(BinaryWriter file, string name, byte type, uint left, uint right, uint child, uint start, uint size)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        file.Write(nameBytes.Concat(new byte[64 - nameBytes.Length]).ToArray());
        file.Write((ushort)(nameBytes.Length + 2));
        file.Write(type); file.Write((byte)1); // black
        file.Write(left); file.Write(right); file.Write(child);
        file.Write(new byte[16 + 4 + 8 + 8]); // CLSID, state, times
        file.Write(start); file.Write(size); file.Write(0u);
    }

    private static byte[] EmptyEntry()
    {
        var entry = new byte[128];
        BitConverter.GetBytes(NoStream).CopyTo(entry, 68);
        BitConverter.GetBytes(NoStream).CopyTo(entry, 72);
        BitConverter.GetBytes(NoStream).CopyTo(entry, 76);
        return entry;
    }
}

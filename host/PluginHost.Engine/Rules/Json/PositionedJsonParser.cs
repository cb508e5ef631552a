using System.Text;
using System.Text.Json;

namespace PluginHost.Engine.Rules.Json;

/// <summary>
/// Parses JSON into <see cref="JsonNode"/>s with positions, on top of <see cref="Utf8JsonReader"/>. Comments
/// and trailing commas are allowed, because consultants edit these files by hand.
/// </summary>
public sealed class PositionedJsonParser
{
    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;

    private PositionedJsonParser(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n')
                starts.Add(i + 1);
        _lineStarts = [.. starts];
    }

    /// <summary>Parses, or returns the syntax error with its position.</summary>
    public static (JsonNode? Root, (string Message, TextPosition Position)? Error) Parse(byte[] utf8)
    {
        var parser = new PositionedJsonParser(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
                return (null, ("the file is empty", new TextPosition(1, 1)));
            var root = parser.ReadValue(ref reader);
            if (reader.Read())
                return (null, ("unexpected content after the end of the JSON value", parser.PositionOf(reader.TokenStartIndex)));
            return (root, null);
        }
        catch (JsonException ex)
        {
            var message = ex.Message.Split(" LineNumber:")[0].Trim();
            var line = (int)(ex.LineNumber ?? 0);
            var bytesIntoLine = (int)(ex.BytePositionInLine ?? 0);
            var lineStart = line < parser._lineStarts.Length ? parser._lineStarts[line] : 0;
            var column = Encoding.UTF8.GetCharCount(utf8, lineStart, Math.Clamp(bytesIntoLine, 0, utf8.Length - lineStart)) + 1;
            return (null, (message, new TextPosition(line + 1, column)));
        }
    }

    private JsonNode ReadValue(ref Utf8JsonReader reader)
    {
        var position = PositionOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<JsonMember>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var namePosition = PositionOf(reader.TokenStartIndex);
                    reader.Read();
                    members.Add(new JsonMember(name, namePosition, ReadValue(ref reader)));
                }
                return new JsonObjectNode(position, members);
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader));
                return new JsonArrayNode(position, items);
            case JsonTokenType.String:
                return ReadString(ref reader, position);
            case JsonTokenType.Number:
                return new JsonNumberNode(position, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonBoolNode(position, reader.GetBoolean());
            default:
                return new JsonNullNode(position);
        }
    }

    /// <summary>Decodes a string while recording where each character of its value came from in the file.</summary>
    private JsonStringNode ReadString(ref Utf8JsonReader reader, TextPosition position)
    {
        var value = reader.GetString()!;
        var start = (int)reader.TokenStartIndex + 1; // past the opening quote
        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        var positions = new List<TextPosition>(value.Length + 1);
        var i = 0;
        while (i < raw.Length)
        {
            var at = PositionOf(start + i);
            if (raw[i] == (byte)'\\')
            {
                var length = raw[i + 1] == (byte)'u' ? 6 : 2;
                positions.Add(at);
                // A \uD83D\uDE00 pair yields two chars of value from twelve bytes; each escape yields one char.
                i += length;
                continue;
            }
            var sequence = Utf8SequenceLength(raw[i]);
            var chars = Encoding.UTF8.GetCharCount(raw, i, Math.Min(sequence, raw.Length - i));
            for (var c = 0; c < chars; c++)
                positions.Add(at);
            i += sequence;
        }
        positions.Add(PositionOf(start + raw.Length));
        return new JsonStringNode(position, value, positions);
    }

    private static int Utf8SequenceLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        < 0xE0 => 2,
        < 0xF0 => 3,
        _ => 4,
    };

    private TextPosition PositionOf(long byteIndex)
    {
        var line = Array.BinarySearch(_lineStarts, (int)byteIndex);
        if (line < 0)
            line = ~line - 1;
        var lineStart = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(_utf8, lineStart, (int)byteIndex - lineStart) + 1;
        return new TextPosition(line + 1, column);
    }
}

namespace PluginHost.Engine.Rules.Json;

/// <summary>
/// A JSON value that remembers where it stands in its file, so that a problem inside a rule expression can be
/// reported at the line and column a consultant sees in the editor. System.Text.Json's DOM forgets positions.
/// </summary>
public abstract record JsonNode(TextPosition Position);

/// <summary>An object; members keep file order.</summary>
public sealed record JsonObjectNode(TextPosition Position, IReadOnlyList<JsonMember> Members) : JsonNode(Position)
{
    /// <summary>The member with this name (case-insensitive, as RulesEngine's deserialiser), or null.</summary>
    public JsonMember? Find(string name) => Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A member of an object.</summary>
/// <param name="Name">Its name.</param>
/// <param name="NamePosition">Where the name stands.</param>
/// <param name="Value">Its value.</param>
public sealed record JsonMember(string Name, TextPosition NamePosition, JsonNode Value);

/// <summary>An array.</summary>
public sealed record JsonArrayNode(TextPosition Position, IReadOnlyList<JsonNode> Items) : JsonNode(Position);

/// <summary>A string, with the map from each character of its value back to the file.</summary>
public sealed record JsonStringNode(TextPosition Position, string Value, IReadOnlyList<TextPosition> CharacterPositions) : JsonNode(Position)
{
    /// <summary>The file position of the value's character at <paramref name="index"/> (the closing quote past the end).</summary>
    public TextPosition At(int index) =>
        CharacterPositions.Count == 0 ? Position : CharacterPositions[Math.Clamp(index, 0, CharacterPositions.Count - 1)];
}

/// <summary>A number, kept as its text.</summary>
public sealed record JsonNumberNode(TextPosition Position, string Text) : JsonNode(Position);

/// <summary>true or false.</summary>
public sealed record JsonBoolNode(TextPosition Position, bool Value) : JsonNode(Position);

/// <summary>null.</summary>
public sealed record JsonNullNode(TextPosition Position) : JsonNode(Position);

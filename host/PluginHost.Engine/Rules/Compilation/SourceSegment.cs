using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// A piece of generated C# that a consultant wrote (after <see cref="RulesEngineDialect"/> translation): maps
/// positions in the generated code back to the line and column of the rule file.
/// </summary>
/// <param name="Start">Offset in the generated code.</param>
/// <param name="Node">The JSON string it came from.</param>
/// <param name="NodeOffset">Offset of the original text inside that string's value.</param>
/// <param name="OriginalLength">Length of the original text.</param>
/// <param name="Translation">The text as compiled, with its map back to the original.</param>
/// <param name="Owner">The rule or parameter it belongs to, for messages.</param>
/// <param name="Kind">What it is.</param>
public sealed record SourceSegment(int Start, JsonStringNode Node, int NodeOffset, int OriginalLength, RulesEngineDialect.Translation Translation, string Owner, SegmentKind Kind)
{
    /// <summary>Length of the compiled text.</summary>
    public int Length => Translation.Text.Length;

    /// <summary>The original text, as the consultant wrote it.</summary>
    public string OriginalText => Node.Value.Substring(NodeOffset, OriginalLength);

    /// <summary>True when a generated-code offset falls inside this segment.</summary>
    public bool Contains(int offset) => offset >= Start && offset <= Start + Length;

    /// <summary>The file position of a generated-code offset inside this segment.</summary>
    public TextPosition PositionOf(int offset) => Node.At(NodeOffset + Translation.OriginalOffset(offset - Start));

    /// <summary>Identifies the segment across regenerations (for case fixes).</summary>
    public (JsonStringNode Node, int Offset) Key => (Node, NodeOffset);
}

/// <summary>What a segment holds.</summary>
public enum SegmentKind
{
    /// <summary>A rule's Expression.</summary>
    RuleExpression,

    /// <summary>A GlobalParam's or LocalParam's Expression.</summary>
    Parameter,

    /// <summary>A <c>$(path)</c> of an ErrorMessage.</summary>
    MessagePath,

    /// <summary>An OutputExpression action.</summary>
    Action,
}

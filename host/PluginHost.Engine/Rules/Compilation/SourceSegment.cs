using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>A piece of generated C# that a consultant wrote: maps positions in the generated code back to the rule file.</summary>
/// <param name="Start">Offset in the generated code.</param>
/// <param name="Length">Length of the text.</param>
/// <param name="Node">The JSON string it came from.</param>
/// <param name="NodeOffset">Offset of the text inside that string's value.</param>
/// <param name="Owner">The rule or parameter it belongs to, for messages.</param>
/// <param name="Kind">What it is: an expression, a parameter or a message placeholder.</param>
public sealed record SourceSegment(int Start, int Length, JsonStringNode Node, int NodeOffset, string Owner, SegmentKind Kind)
{
    /// <summary>True when a generated-code offset falls inside this segment.</summary>
    public bool Contains(int offset) => offset >= Start && offset <= Start + Length;

    /// <summary>The file position of a generated-code offset inside this segment.</summary>
    public TextPosition PositionOf(int offset) => Node.At(NodeOffset + Math.Clamp(offset - Start, 0, Length));
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
}

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Reading an expression's text without parsing it: its bracket nesting (checked before the parser, whose recursion a
/// deep enough text would exhaust) and where a name stands (expression trees keep no positions, so a refusal is placed
/// at the first use of the name it refuses). String and character literals are skipped.
/// </summary>
internal static class ExpressionText
{
    /// <summary>The deepest nesting of ( [ { in the text.</summary>
    public static int Nesting(string text)
    {
        var (depth, deepest) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
                i = EndOfLiteral(text, i);
            else if (c is '(' or '[' or '{')
                deepest = Math.Max(deepest, ++depth);
            else if (c is ')' or ']' or '}')
                depth--;
        }
        return deepest;
    }

    /// <summary>The text with the inside of every string and character literal blanked out, offsets unchanged.</summary>
    public static string WithoutLiterals(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is not ('"' or '\''))
                continue;
            var end = EndOfLiteral(text, i);
            for (var j = i + 1; j < Math.Min(end, chars.Length); j++)
                chars[j] = ' ';
            i = end;
        }
        return new string(chars);
    }

    /// <summary>The offset of the first identifier equal to <paramref name="name"/> (in any case) at or after <paramref name="from"/>; -1 if none.</summary>
    public static int FindName(string text, string name, int from = 0)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = EndOfLiteral(text, i);
                continue;
            }
            if (!IsIdentifierStart(c))
                continue;
            var start = i;
            while (i < text.Length && IsIdentifierPart(text[i]))
                i++;
            if (start >= from && string.Equals(text[start..i], name, StringComparison.OrdinalIgnoreCase))
                return start;
            i--;
        }
        return -1;
    }

    /// <summary>
    /// The member path in front of the member that starts at <paramref name="offset"/>: <c>line.Customer</c> for the
    /// <c>Nme</c> of <c>line.Customer.Nme</c>; null when the member does not follow a dot and a name.
    /// </summary>
    public static string? ReceiverBefore(string text, int offset)
    {
        var end = offset - 1;
        while (end >= 0 && char.IsWhiteSpace(text[end]))
            end--;
        if (end < 0 || text[end] != '.')
            return null;
        var start = end;
        while (start > 0 && (IsIdentifierPart(text[start - 1]) || text[start - 1] == '.'))
            start--;
        var receiver = text[start..end].Trim('.');
        return receiver.Length == 0 || !IsIdentifierStart(receiver[0]) ? null : receiver;
    }

    private static int EndOfLiteral(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == text[open])
                return i;
        }
        return text.Length;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '@';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}

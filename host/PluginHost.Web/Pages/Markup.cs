using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace PluginHost.Web.Pages;

/// <summary>
/// HTML that is safe to write as it is. The only way to make one is <see cref="Html.Of"/>, whose holes are encoded
/// unless they are markup themselves, so a workbook's text (a document number holding <c>&lt;script&gt;</c>) can only
/// ever reach a page as text.
/// </summary>
public sealed class Markup
{
    internal Markup(string value) => Value = value;

    /// <summary>The HTML.</summary>
    public string Value { get; }

    /// <summary>Nothing.</summary>
    public static Markup Empty { get; } = new("");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Builds <see cref="Markup"/> from an interpolated string, encoding every hole that is not markup.</summary>
[InterpolatedStringHandler]
public readonly ref struct MarkupHandler
{
    private readonly StringBuilder _text;

    /// <summary>Called by the compiler.</summary>
    public MarkupHandler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + (formattedCount * 16));

    /// <summary>The template's own text, written as is.</summary>
    public void AppendLiteral(string literal) => _text.Append(literal);

    /// <summary>A hole: markup and lists of markup as they are, anything else HTML-encoded (numbers in the invariant culture).</summary>
    public void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case Markup markup:
                _text.Append(markup.Value);
                break;
            case IEnumerable<Markup> parts:
                foreach (var part in parts)
                    _text.Append(part.Value);
                break;
            case IFormattable formattable:
                _text.Append(WebUtility.HtmlEncode(formattable.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                _text.Append(WebUtility.HtmlEncode(value?.ToString()));
                break;
        }
    }

    internal Markup ToMarkup() => new(_text.ToString());
}

/// <summary>The one way pages write HTML.</summary>
public static class Html
{
    /// <summary>Markup from a template; every hole is encoded (<see cref="MarkupHandler"/>).</summary>
    public static Markup Of(ref MarkupHandler template) => template.ToMarkup();

    /// <summary>The markup of each item, one after another.</summary>
    public static Markup Join<T>(IEnumerable<T> items, Func<T, Markup> each) => new(string.Concat(items.Select(item => each(item).Value)));

    /// <summary>Markup only when <paramref name="condition"/> holds.</summary>
    public static Markup When(bool condition, Func<Markup> markup) => condition ? markup() : Markup.Empty;
}

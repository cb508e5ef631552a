using System.Text;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// Text made safe inside HTML, in an element or a quoted attribute: the five characters that are markup (&amp; &lt; &gt;
/// " ') become entities, and nothing else changes. Written here because the library encoders
/// (System.Text.Encodings.Web, WebUtility) also encode å, ä, ö, ø, the non-breaking space of sv-SE numbers and the
/// minus sign, which is still correct HTML but makes a Nordic report's source unreadable and larger.
/// </summary>
internal static class HtmlText
{
    /// <summary>The text with its markup characters as entities.</summary>
    public static string Encode(string text)
    {
        var first = text.AsSpan().IndexOfAny("&<>\"'");
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}

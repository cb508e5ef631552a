namespace PluginHost.Engine.Rules.Model;

/// <summary>Levenshtein distance, for "did you mean" hints.</summary>
public static class EditDistance
{
    /// <summary>The number of single-character edits that turn one string into the other.</summary>
    public static int Between(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    /// <summary>The known name closest to a misspelt one: few edits apart, or sharing most of its beginning (DocumentNumber, DocumentNo).</summary>
    public static string? Nearest(string wanted, IEnumerable<string> known)
    {
        var lower = wanted.ToLowerInvariant();
        return known.Select(k => (Name: k, Distance: Between(k.ToLowerInvariant(), lower), Prefix: CommonPrefix(k.ToLowerInvariant(), lower)))
            .Where(k => k.Distance <= Math.Max(2, wanted.Length / 3) || k.Prefix >= Math.Max(4, (int)(0.6 * Math.Min(k.Name.Length, wanted.Length))))
            .OrderBy(k => k.Distance).ThenByDescending(k => k.Prefix).Select(k => k.Name).FirstOrDefault();
    }

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        return i;
    }
}

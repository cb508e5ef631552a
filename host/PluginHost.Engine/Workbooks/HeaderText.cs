namespace PluginHost.Engine.Workbooks;

/// <summary>Header matching: case-, spacing- and punctuation-insensitive, so "Prod. Order No." matches "prod order no".</summary>
public static class HeaderText
{
    /// <summary>The form headers are compared in: letters and digits only, lower case.</summary>
    public static string Normalize(string header) =>
        string.Concat(header.Normalize(System.Text.NormalizationForm.FormC).Where(char.IsLetterOrDigit)).ToLowerInvariant();
}

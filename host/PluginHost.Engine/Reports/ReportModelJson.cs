using System.Text.Json;

namespace PluginHost.Engine.Reports;

/// <summary>The report model as kept in the database with its batch.</summary>
public static class ReportModelJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The model as JSON.</summary>
    public static string Serialize(ReportModel model) => JsonSerializer.Serialize(model, Options);

    /// <summary>A model from JSON, or null when it cannot be read (a model kept by another version).</summary>
    public static ReportModel? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ReportModel>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

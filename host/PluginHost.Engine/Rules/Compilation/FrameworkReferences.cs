using Microsoft.CodeAnalysis;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>The framework assemblies rule code compiles against: those of the running runtime, read once.</summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    /// <summary>References to every assembly of the shared framework the host runs on.</summary>
    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkFolder, StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}

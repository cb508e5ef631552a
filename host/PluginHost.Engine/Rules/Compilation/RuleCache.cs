using System.Security.Cryptography;
using System.Text;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Compiled rule sets on disk, so a second run does not pay the compiler again (docs/rules.md). An entry is keyed
/// by everything that decides the compiled code: the rule file's hash, the workflow, the input types (by their
/// assemblies' module version ids), the compiler's version and this engine's build. An entry is checked against
/// its recorded SHA-256 before it is loaded; a corrupt or unreadable one is rebuilt, never trusted.
/// </summary>
public sealed class RuleCache(string folder)
{
    /// <summary>The cache folder.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The compiler's version as this engine references it: read without loading the compiler.</summary>
    private static readonly string CompilerVersion = typeof(RuleCache).Assembly.GetReferencedAssemblies()
        .FirstOrDefault(a => a.Name == "Microsoft.CodeAnalysis.CSharp")?.Version?.ToString() ?? "unknown";

    /// <summary>The key of a workflow compiled against some inputs.</summary>
    public static string Key(string fileSha256, string workflow, IReadOnlyList<RuleInput> inputs)
    {
        var text = new StringBuilder()
            .Append("file=").Append(fileSha256).Append('\n')
            .Append("workflow=").Append(workflow).Append('\n')
            .Append("compiler=").Append(CompilerVersion).Append('\n')
            .Append("engine=").Append(typeof(RuleCache).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var input in inputs)
            text.Append("input=").Append(input.Name).Append(':').Append(input.Type.FullName).Append('@').Append(input.Type.Assembly.ManifestModule.ModuleVersionId).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The cached image for a key, or null when there is none or it does not match its recorded hash.</summary>
    public byte[]? TryRead(string key)
    {
        try
        {
            var image = File.ReadAllBytes(ImagePath(key));
            var recorded = File.ReadAllText(HashPath(key)).Trim();
            return Convert.ToHexStringLower(SHA256.HashData(image)) == recorded ? image : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an image. A cache that cannot be written is skipped: it only saves time.</summary>
    public void Write(string key, byte[] image)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            WriteAtomically(HashPath(key), Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(image))));
            WriteAtomically(ImagePath(key), image);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next run compiles again; nothing is lost.
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Where an entry's image lives.</summary>
    public string ImagePath(string key) => Path.Combine(Folder, key + ".dll");

    private string HashPath(string key) => Path.Combine(Folder, key + ".sha256");
}

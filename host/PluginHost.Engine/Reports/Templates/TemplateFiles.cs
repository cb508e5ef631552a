using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// Reading the files of a templates folder. Links are not followed: a picture is embedded whole, so a link could bring
/// any file the service can read into a report. A file of no length is not read: a named pipe or a device reports no
/// length, and reading one would block the host (.NET cannot tell them from a plain file without opening them).
/// </summary>
internal static class TemplateFiles
{
    /// <summary>Whether the file may be read; otherwise a warning says why it is not.</summary>
    public static bool IsReadable(string path, List<Problem> problems)
    {
        var file = new FileInfo(path);
        if (file.LinkTarget is null)
            return file.Length > 0;
        problems.Add(Problem.Warning("TEMPLATE010", $"{file.Name} is a link to {file.LinkTarget}; links are not followed, copy the file here instead", new SourceLocation { File = path }));
        return false;
    }

    /// <summary>The text of a template; empty for an empty file or a link.</summary>
    public static string ReadText(string path, List<Problem> problems) => IsReadable(path, problems) ? File.ReadAllText(path) : "";
}

namespace PluginHost.Tests.Support;

/// <summary>Templates folders for tests that change or add a template: a copy of the shipped ones to start from.</summary>
public static class TemplateFolders
{
    /// <summary>A copy of the shipped templates folder (plugin templates and partials) inside <paramref name="folder"/>.</summary>
    public static string CopyOfShipped(TempFolder folder)
    {
        var templates = folder.File("templates-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.GetFiles(TestHost.TemplatesFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(templates, Path.GetRelativePath(TestHost.TemplatesFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return templates;
    }
}

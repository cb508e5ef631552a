using System.Reflection;
using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;

using PluginContext = McMaster.NETCore.Plugins.PluginLoader;

namespace PluginHost.Engine.Plugins;

/// <summary>
/// Loads every plugin found as <c>plugins/NAME/NAME.dll</c>, each in its own load context made by
/// McMaster.NETCore.Plugins: the plugin's dependencies resolve through its <c>.deps.json</c> and folder, the contract
/// assembly is shared with the host so <c>IPostingPlugin</c> is one type on both sides. A plugin that cannot load is
/// reported with its name, path and cause, and the others still load (docs/plugins.md).
/// </summary>
public static class PluginLoader
{
    /// <summary>The contract assembly as the host has it.</summary>
    public static readonly AssemblyName ContractAssemblyName = typeof(IPostingPlugin).Assembly.GetName();

    /// <summary>Loads the plugins of a folder. A missing folder gives an empty catalog with one error.</summary>
    public static PluginCatalog LoadFrom(string pluginsFolder)
    {
        var full = Path.GetFullPath(pluginsFolder);
        if (!Directory.Exists(full))
            return new PluginCatalog(full, [], [Problem.Error("PLUGIN000", $"the plugins folder {full} does not exist", new SourceLocation { File = full })]);

        var loaded = new List<LoadedPlugin>();
        var failures = new List<Problem>();
        foreach (var folder in Directory.GetDirectories(full).Order(StringComparer.Ordinal))
        {
            var result = LoadFolder(folder);
            if (result.Plugin is not null)
                loaded.Add(result.Plugin);
            else
                failures.Add(result.Failure!);
        }

        // One failure per folder, so each is cleared when its own folder changes; the clashing plugins are unloaded.
        foreach (var clash in loaded.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList())
        {
            foreach (var plugin in clash)
            {
                failures.Add(Problem.Error("PLUGIN009", $"plugin name '{clash.Key}' is used by {string.Join(" and ", clash.Select(p => p.AssemblyPath))}; the host uses neither", new SourceLocation { File = plugin.AssemblyPath }));
                plugin.Context.Dispose();
                loaded.Remove(plugin);
            }
        }
        return new PluginCatalog(full, loaded, failures);
    }

    /// <summary>
    /// The plugin of one folder, in a load context of its own that can be unloaded, or the problem that keeps it from
    /// loading (its context is then unloaded at once). Its assemblies are read into memory, so the files can be
    /// replaced while it runs (<c>serve</c> takes the new version for the next batch).
    /// </summary>
    public static (LoadedPlugin? Plugin, Problem? Failure) LoadFolder(string folder)
    {
        var (plugin, failure, context) = TryLoad(folder);
        if (plugin is null)
            context?.Dispose();
        return (plugin, failure);
    }

    private static (LoadedPlugin? Plugin, Problem? Failure, PluginContext? Context) TryLoad(string folder)
    {
        var name = Path.GetFileName(folder);
        var path = Path.Combine(folder, name + ".dll");
        Problem Fail(string code, string cause) =>
            Problem.Error(code, $"plugin '{name}' ({path}) cannot load: {cause}", new SourceLocation { File = path });

        if (!File.Exists(path))
            return (null, Fail("PLUGIN001", $"the folder holds no {name}.dll (a plugin is found as plugins/NAME/NAME.dll)"), null);
        PluginContext? context = null;
        try
        {
            context = PluginContext.CreateFromAssemblyFile(path, sharedTypes: [typeof(IPostingPlugin)], config =>
            {
                config.IsUnloadable = true;
                config.LoadInMemory = true;
            });
            var assembly = context.LoadDefaultAssembly();

            if (CheckContractVersion(assembly) is { } versionProblem)
                return (null, Fail("PLUGIN002", versionProblem), context);
            if (FindMissingDependency(context, assembly) is { } missing)
                return (null, Fail("PLUGIN003", missing), context);

            var pluginTypes = assembly.GetTypes()
                .Where(t => typeof(IPostingPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .ToList();
            if (pluginTypes.Count == 0)
                return (null, Fail("PLUGIN004", $"no class in it implements {nameof(IPostingPlugin)}"), context);
            if (pluginTypes.Count > 1)
                return (null, Fail("PLUGIN005", $"more than one class implements {nameof(IPostingPlugin)}: {string.Join(", ", pluginTypes.Select(t => t.FullName))}"), context);

            var type = pluginTypes[0];
            if (type.GetConstructor(Type.EmptyTypes) is not { } constructor)
                return (null, Fail("PLUGIN006", $"{type.FullName} has no public parameterless constructor"), context);

            IPostingPlugin instance;
            try
            {
                instance = (IPostingPlugin)constructor.Invoke(null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                return (null, Fail("PLUGIN007", $"the constructor of {type.FullName} threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}"), context);
            }

            if (CheckDeclarations(instance) is { } declarationProblem)
                return (null, Fail("PLUGIN008", declarationProblem), context);
            return (new LoadedPlugin(instance, assembly, folder, context), null, context);
        }
        catch (ReflectionTypeLoadException ex)
        {
            var causes = ex.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct();
            return (null, Fail("PLUGIN003", $"its types do not load: {string.Join("; ", causes)}"), context);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException or MissingMemberException
                                       or InvalidOperationException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // InvalidOperationException: the dependency resolver could not read the plugin's .deps.json.
            return (null, Fail("PLUGIN003", $"{ex.GetType().Name}: {ex.Message}"), context);
        }
    }

    /// <summary>
    /// The contract grows by addition only, so a plugin built against an older minor version works; one built
    /// against a newer version, or another major version, may call members this host lacks, and is refused.
    /// </summary>
    private static string? CheckContractVersion(Assembly assembly)
    {
        var reference = assembly.GetReferencedAssemblies().FirstOrDefault(r => r.Name == ContractAssemblyName.Name);
        if (reference is null)
            return $"it does not reference {ContractAssemblyName.Name}";
        var host = ContractAssemblyName.Version!;
        var built = reference.Version!;
        if (built.Major != host.Major || built > host)
            return $"it was built against {ContractAssemblyName.Name} {built}, and this host has {host}; rebuild the plugin against {host}";
        return null;
    }

    /// <summary>Resolves every assembly the plugin references now, so a missing one is named at load, not at first use.</summary>
    private static string? FindMissingDependency(PluginContext context, Assembly assembly)
    {
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            try
            {
                context.LoadAssembly(reference);
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return $"its dependency {reference.Name} {reference.Version} is missing: it is neither in the plugin's folder nor part of the host ({ex.GetType().Name})";
            }
        }
        return null;
    }

    private static string? CheckDeclarations(IPostingPlugin plugin)
    {
        try
        {
            return CheckDeclarationsOf(plugin);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"reading its Name, Schema or RuleInputs threw {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string? CheckDeclarationsOf(IPostingPlugin plugin)
    {
        var schema = plugin.Schema;
        if (string.IsNullOrWhiteSpace(plugin.Name))
            return "its Name is empty";
        if (!typeof(JournalLine).IsAssignableFrom(schema.LineType) || schema.LineType.GetConstructor(Type.EmptyTypes) is null)
            return $"its line type {schema.LineType.FullName} must derive from {nameof(JournalLine)} and have a public parameterless constructor";
        Workbooks.JournalColumns.Of(schema.LineType); // throws for a column of a type cells cannot be read as
        var inputs = plugin.RuleInputs;
        if (inputs.Count == 0 || inputs[0].Name != "line" || inputs[0].Type != schema.LineType)
            return $"its first rule input must be 'line' of type {schema.LineType.Name}";
        var duplicate = inputs.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            return $"rule input '{duplicate.Key}' is declared twice";
        return null;
    }
}

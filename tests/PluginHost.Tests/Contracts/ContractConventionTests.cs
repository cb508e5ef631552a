using System.Reflection;
using System.Runtime.CompilerServices;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Plugins;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Contracts;

/// <summary>
/// Rules that must hold across the contract and the plugins: the contract's public API changes only visibly
/// (approval file), its records are immutable, and plugin classes are sealed.
/// </summary>
public sealed class ContractConventionTests
{
    private static readonly Assembly Contract = typeof(IPostingPlugin).Assembly;

    private static string ApprovedFile => Path.Combine(SourceFolder(), "PluginHost.Contracts.approved.txt");

    [Fact]
    public void TheContractsPublicApiMatchesTheApprovedFile()
    {
        var actual = PublicApi.Describe(Contract);
        var approved = File.Exists(ApprovedFile) ? File.ReadAllText(ApprovedFile).ReplaceLineEndings("\n") : "";

        if (actual != approved)
            File.WriteAllText(Path.ChangeExtension(ApprovedFile, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt", actual);
        Assert.True(actual == approved,
            "The public API of PluginHost.Contracts changed. The contract grows only by addition (docs/plugins.md). If the change is " +
            "intended, review PluginHost.Contracts.received.txt next to the approved file and replace the approved file with it.");
    }

    [Fact]
    public void ContractTypesHaveNoPublicSetters()
    {
        var mutable = Contract.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}");

        Assert.Empty(mutable);
    }

    [Fact]
    public void ShippedPluginClassesAreSealed()
    {
        var plugins = PluginLoader.LoadFrom(TestHost.PluginsFolder).Plugins;

        Assert.NotEmpty(plugins);
        Assert.All(plugins, p => Assert.True(p.Instance.GetType().IsSealed, $"{p.Instance.GetType().FullName} must be sealed"));
        Assert.All(plugins, p => Assert.True(p.Instance.Schema.LineType.IsSealed, $"{p.Instance.Schema.LineType.FullName} must be sealed"));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

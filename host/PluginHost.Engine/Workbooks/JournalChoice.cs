using PluginHost.Engine.Plugins;

namespace PluginHost.Engine.Workbooks;

/// <summary>The plugin and sheet a workbook is read with, and where its headers are.</summary>
/// <param name="Plugin">The plugin that reads the journal.</param>
/// <param name="Sheet">The sheet holding it.</param>
/// <param name="Header">The header row and column positions.</param>
public sealed record JournalChoice(LoadedPlugin Plugin, string Sheet, HeaderMatch Header);

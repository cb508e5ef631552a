namespace PluginHost.Engine.Workbooks;

/// <summary>Reading the sheet's rows failed (on the <see cref="LineFeed{TChunk}"/>'s thread); the cause is the inner exception.</summary>
public sealed class SheetReadException(Exception cause) : Exception($"the sheet cannot be read: {cause.Message}", cause);

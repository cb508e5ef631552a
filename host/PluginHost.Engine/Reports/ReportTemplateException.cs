namespace PluginHost.Engine.Reports;

/// <summary>A report template failed while rendering a batch (e.g. it names a value the model lacks); the batch is not written.</summary>
public sealed class ReportTemplateException(string message) : Exception(message);

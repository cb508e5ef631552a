using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// Scriban's <c>include</c>, with what a partial wrote passed on as <see cref="HostMarkup"/>: Scriban returns an
/// included partial's output as a value, and the partial's values were escaped as it wrote them, so escaping its
/// output again would show its markup as text.
/// </summary>
internal sealed class IncludedPartial(IScriptCustomFunction include) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        include.Invoke(context, callerContext, arguments, blockStatement) is string written ? new HostMarkup(written) : null;

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        await include.InvokeAsync(context, callerContext, arguments, blockStatement) is string written ? new HostMarkup(written) : null;

    public int RequiredParameterCount => include.RequiredParameterCount;

    public int ParameterCount => include.ParameterCount;

    public ScriptVarParamKind VarParamKind => include.VarParamKind;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);
}

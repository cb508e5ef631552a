using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// One render of one report. Scriban has no option to HTML-escape output, so in an HTML template every value written
/// (<see cref="Write(SourceSpan, object)"/>) is escaped here, while the template's own text passes as written; only
/// <see cref="HostMarkup"/> passes unescaped. Partials come from the templates already loaded and checked, never from
/// disk; the model is read only; loops, recursion, output and time are bounded (<see cref="TemplateLimits"/>).
/// </summary>
internal sealed class ReportTemplateContext : TemplateContext
{
    private readonly TemplateSet _set;
    private readonly bool _html;
    private readonly long _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
    private readonly long _memory;
    private int _steps;

    public ReportTemplateContext(TemplateSet set, bool html, ReportModel model, TemplateLimits limits, CancellationToken cancellation)
        : base(set.Functions)
    {
        _set = set;
        _html = html;
        StrictVariables = true;              // a name the model lacks is an error, never a blank cell in an audited report
        EnableRelaxedMemberAccess = false;   // ... and so is a field it lacks
        MemberRenamer = member => member.Name; // the model's own names (Batch.FileName), as the guide lists them
        MemberFilter = ReportModelAccess.IsReadable;
        LoopLimit = limits.StepsFor(model);
        RecursiveLimit = limits.Recursion;
        OutputLimit = limits.CharactersFor(model);
        OnOutputLimit = ScriptLimitBehavior.Throw; // never a report cut short with "..."
        OnStringLimit = ScriptLimitBehavior.Throw;
        LimitToString = limits.Characters;   // one value; Scriban's 1 MiB default lets a few thousand kept values fill the memory
        _memory = limits.BytesFor(model);
        CancellationToken = cancellation;
        TemplateLoader = set.Loader;
        PushGlobal(ReportModelAccess.Globals(model, set.Labels.For(model.Language)));
    }

    /// <inheritdoc />
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        // Its .NET form (ItemEntryView { EntryNo = 1, ... }) would print; the check before rendering says the same.
        if (textAsObject is not null and not string and not HostMarkup
            && (textAsObject.GetType().Namespace == typeof(ReportModel).Namespace || (textAsObject is System.Collections.IList and not ScriptArray)))
            throw new ScriptRuntimeException(CurrentNode?.Span ?? span, $"{TemplateErrors.WholeRow}; write one of its fields");
        if (!_html || textAsObject is null)
            return base.Write(span, textAsObject);
        return Write(textAsObject is HostMarkup markup ? markup.Html : HtmlText.Encode(ObjectToString(textAsObject) ?? ""));
    }

    /// <summary>A partial as loaded and checked with the templates; a render never reads the disk.</summary>
    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
        _set.Partial(templatePath)?.Template ?? throw new ScriptRuntimeException(callerContext?.Span ?? CurrentSpan, $"there is no partial '{templatePath}'");

    /// <summary>Records and lists of the model are read only: a template cannot change what is kept with the batch.</summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var accessor = base.GetMemberAccessorImpl(target);
        return accessor is null || target is IScriptObject ? accessor : new ReadOnlyAccessor(accessor);
    }

    /// <summary>Lists of the model are read only too (the template's own arrays are not).</summary>
    protected override IListAccessor? GetListAccessorImpl(object target, Type type)
    {
        var accessor = base.GetListAccessorImpl(target, type);
        return accessor is null || target is ScriptArray ? accessor : new ReadOnlyListAccessor(accessor);
    }

    /// <summary>
    /// At every loop step: the render's time; the steps of the whole render (Scriban counts each outermost loop
    /// afresh); and the memory the render allocated, so values kept without being written cannot exhaust the host.
    /// </summary>
    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckAbort();
        if (++_steps > LoopLimit)
            throw new ScriptRuntimeException(loop.Span, $"Exceeding number of iteration limit `{LoopLimit}` for the whole render.");
        if (GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart > _memory)
            throw new ScriptRuntimeException(loop.Span, $"{TemplateErrors.MemoryLimit} {_memory}");
        return base.OnStepLoop(loop);
    }
}

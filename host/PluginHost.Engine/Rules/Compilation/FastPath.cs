using System.Linq.Expressions;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// The workflow's tree without its try/catch blocks, for the lines on which nothing throws (nearly all): every try
/// region keeps the compiled method's locals out of registers, so the guarded tree runs slower than it must. The whole
/// line runs under one try instead; if anything throws, the caller resets the run and evaluates the line again with the
/// guarded tree, which gives each rule its own failure. Rules are side-effect free, so running a line twice is safe.
/// </summary>
internal static class FastPath
{
    /// <summary>The unguarded variant of a workflow's tree: true when the line ran through, false when something threw.</summary>
    public static Expression<Func<object?[], RuleRun, bool>> Of(Expression<Action<object?[], RuleRun>> guarded)
    {
        var body = new TryStripper().Visit(guarded.Body)!;
        var thrown = Expression.Parameter(typeof(Exception), "thrown");
        return Expression.Lambda<Func<object?[], RuleRun, bool>>(
            Expression.TryCatch(Expression.Block(typeof(bool), body, Expression.Constant(true)), Expression.Catch(thrown, Expression.Constant(false))),
            guarded.Parameters);
    }

    /// <summary>Replaces each try/catch by its body. The trees RulesEngine's parser makes hold none (the allow-list refuses them); every one is the builder's.</summary>
    private sealed class TryStripper : ExpressionVisitor
    {
        protected override Expression VisitTry(TryExpression node) => Visit(node.Body)!;
    }
}

using System.Linq.Expressions;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>Small pieces the workflow's tree is built from.</summary>
internal static class ExpressionParts
{
    /// <summary>The value as an object, or the exception it threw.</summary>
    public static Expression Guarded(Expression? value)
    {
        if (value is null)
            return Expression.Constant(null);
        var caught = Expression.Parameter(typeof(Exception), "caught");
        return Expression.TryCatch(Expression.Convert(value, typeof(object)), Expression.Catch(caught, Expression.Convert(caught, typeof(object))));
    }

    /// <summary>The values of a message's placeholders as one array (the empty one shared).</summary>
    public static Expression ValuesArray(List<Expression> values) =>
        values.Count == 0 ? Expression.Constant(Array.Empty<object>()) : Expression.NewArrayInit(typeof(object), values);

    /// <summary>True when the expression reads one of <paramref name="parameters"/>.</summary>
    public static bool ReadsAny(Expression expression, IReadOnlyCollection<ParameterExpression> parameters)
    {
        var finder = new ParameterFinder(parameters);
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class ParameterFinder(IReadOnlyCollection<ParameterExpression> parameters) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= parameters.Contains(node);
            return node;
        }
    }
}

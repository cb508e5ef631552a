using System.Linq.Expressions;
using System.Reflection;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Computes at load every part of an expression that reads no input (<c>DateOnly(2026, 11, 1)</c>, <c>DateOnly.MaxValue</c>,
/// a list of codes): once, instead of on every line, and so that one that cannot be computed (<c>DateOnly(2026, 13, 1)</c>)
/// is a fault of the rule file reported at load, never a refusal of every line of a correct workbook. Runs after the
/// allow-list, so only allowed, side-effect-free code is ever evaluated here; the clock and new ids are left to each line.
/// </summary>
internal static class ConstantFolder
{
    /// <summary>The folded expression, or the part that threw and its exception.</summary>
    public static (Expression Folded, (Expression Part, Exception Error)? Failure) Fold(Expression expression)
    {
        var variable = new VariableFinder();
        variable.Visit(expression);
        var folder = new Folder(variable.Variable);
        var folded = folder.Visit(expression)!;
        return (folded, folder.Failure);
    }

    /// <summary>Members whose value changes while the host runs (the clock, new ids): never computed at load.</summary>
    private static readonly HashSet<(Type, string)> Volatile =
    [
        (typeof(DateTime), nameof(DateTime.Now)), (typeof(DateTime), nameof(DateTime.UtcNow)), (typeof(DateTime), nameof(DateTime.Today)),
        (typeof(DateTimeOffset), nameof(DateTimeOffset.Now)), (typeof(DateTimeOffset), nameof(DateTimeOffset.UtcNow)),
        (typeof(Guid), nameof(Guid.NewGuid)),
    ];

    /// <summary>Marks every node under which a parameter (an input, a param, a lambda's argument) or the clock is read.</summary>
    private sealed class VariableFinder : ExpressionVisitor
    {
        private readonly Stack<bool> _found = new();

        public HashSet<Expression> Variable { get; } = new(ReferenceEqualityComparer.Instance);

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
                return null;
            _found.Push(node switch
            {
                ParameterExpression => true,
                MemberExpression { Member: var m } => Volatile.Contains((m.DeclaringType!, m.Name)),
                MethodCallExpression { Method: var m } => Volatile.Contains((m.DeclaringType!, m.Name)),
                _ => false,
            });
            base.Visit(node);
            var found = _found.Pop();
            if (found)
            {
                Variable.Add(node);
                if (_found.Count > 0 && !_found.Peek())
                {
                    _found.Pop();
                    _found.Push(true);
                }
            }
            return node;
        }
    }

    private sealed class Folder(HashSet<Expression> variable) : ExpressionVisitor
    {
        public (Expression Part, Exception Error)? Failure { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Failure is not null || variable.Contains(node) || node is ConstantExpression or LambdaExpression or ParameterExpression || node.NodeType == ExpressionType.Quote)
                return base.Visit(node);
            try
            {
                var value = Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile(preferInterpretation: true)();
                return Expression.Constant(value, node.Type);
            }
            catch (Exception ex)
            {
                Failure = (node, ex is TargetInvocationException { InnerException: { } inner } ? inner : ex);
                return node;
            }
        }
    }
}

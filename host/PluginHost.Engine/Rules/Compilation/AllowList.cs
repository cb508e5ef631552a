using System.Linq.Expressions;
using System.Reflection;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// What a parsed rule expression may touch: the inputs and the types their properties lead to (read only), and a fixed
/// set of value types and pure functions. Everything else is refused at load: reflection (<c>GetType</c>, <c>Type</c>,
/// <c>Assembly</c>), I/O, processes, the environment, threads, the network, <c>dynamic</c>, expression trees, the plugins'
/// and the host's own classes. RulesEngine's own type provider lets <c>line.GetType().Assembly</c> through, so the check
/// runs over the trees its parser builds (docs/rules.md, "The allow-list").
/// </summary>
internal sealed class AllowList
{
    /// <summary>Framework types whose members a rule may use, by full name of the (generic) definition.</summary>
    private static readonly HashSet<string> AllowedTypes =
    [
        "System.Object", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
        "System.Decimal", "System.Char", "System.String", "System.DateOnly", "System.DateTime", "System.TimeOnly",
        "System.TimeSpan", "System.DateTimeOffset", "System.DayOfWeek", "System.Guid", "System.Math", "System.Nullable`1",
        "System.StringComparison", "System.MidpointRounding", "System.Convert", "System.Linq.Enumerable",
        "System.Collections.IEnumerable", "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.List`1", "System.Collections.Generic.HashSet`1", "System.Collections.Generic.KeyValuePair`2",
        "System.Linq.IGrouping`2", "System.Linq.IOrderedEnumerable`1", "System.Linq.ILookup`2",
        // The lambdas a rule writes (l => l.Quantity < 0) are Func values handed to Enumerable; they are never invoked directly.
        "System.Func`1", "System.Func`2", "System.Func`3", "System.Func`4",
        // RulesEngine's helper (CheckContains) and System.Linq.Dynamic.Core's data classes (new (x as Name)).
        "RulesEngine.HelperFunctions.ExpressionUtils", "System.Linq.Dynamic.Core.DynamicClass",
    ];

    /// <summary>Types a rule may create with a constructor: values only, none of them with a size to blow up.</summary>
    private static readonly HashSet<string> CreatableTypes = ["System.DateOnly", "System.DateTime", "System.TimeOnly", "System.TimeSpan", "System.Decimal", "System.Nullable`1", "System.Guid"];

    /// <summary>Members refused even on allowed types: reflection, sequences that can run for ever, conversions to any type.</summary>
    private static readonly Dictionary<string, string> RefusedMembers = new(StringComparer.Ordinal)
    {
        ["GetType"] = "it leads to reflection",
        ["MemberwiseClone"] = "it leads to reflection",
        ["GetTypeCode"] = "it leads to reflection",
        ["ChangeType"] = "it converts to any type",
        ["Range"] = "it can run for ever",
        ["Repeat"] = "it can run for ever",
        ["Aggregate"] = "it can build values without limit",
        ["PadLeft"] = "it can build text without limit",
        ["PadRight"] = "it can build text without limit",
    };

    /// <summary>Deepest expression tree accepted. A chain of 100 ORs is 100 levels deep: the parser builds it as a ladder.</summary>
    public const int MaxDepth = 200;

    private readonly HashSet<Type> _readable = [];

    /// <summary>Allows, besides the fixed set, the input types and every type their public properties and fields lead to.</summary>
    public AllowList(IEnumerable<Type> inputTypes)
    {
        foreach (var type in inputTypes)
            AddReadable(type);
    }

    /// <summary>The readable types: the inputs and what their properties lead to.</summary>
    public IReadOnlyCollection<Type> Readable => _readable;

    private void AddReadable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
                AddReadable(argument);
            return;
        }
        if (type.Assembly == typeof(object).Assembly || IsFramework(type) || !_readable.Add(type))
            return;
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            AddReadable(baseType);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            AddReadable(property.PropertyType);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            AddReadable(field.FieldType);
    }

    /// <summary>The first thing in <paramref name="expression"/> a rule may not use: why, and the name to place it at; null when all is allowed.</summary>
    public (string Reason, string? Name)? Check(Expression expression)
    {
        var visitor = new Visitor(this);
        visitor.Visit(expression);
        return visitor.Refusal;
    }

    private bool IsFramework(Type type) => AllowedTypes.Contains(DefinitionName(type)) || type.IsSubclassOf(typeof(System.Linq.Dynamic.Core.DynamicClass));

    /// <summary>True for a type a rule may hold a value of.</summary>
    private bool IsAllowed(Type type)
    {
        if (type.IsArray)
            return IsAllowed(type.GetElementType()!);
        if (type.IsGenericParameter)
            return true;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            return IsAllowed(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);
        if (type.IsEnum && type.Assembly != typeof(object).Assembly)
            return _readable.Contains(type);
        return IsFramework(type) || _readable.Contains(type) || IsCompilerMade(type);
    }

    /// <summary>Anonymous and closure types the parser makes itself.</summary>
    private static bool IsCompilerMade(Type type) => type.Name.Contains('<', StringComparison.Ordinal) && type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false);

    private static string DefinitionName(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name;

    private static string Display(Type type) => type.IsGenericType
        ? $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>"
        : type.FullName ?? type.Name;

    private sealed class Visitor(AllowList list) : ExpressionVisitor
    {
        private int _depth;

        public (string Reason, string? Name)? Refusal { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Refusal is not null)
                return node;
            if (++_depth > MaxDepth)
            {
                Refuse($"the expression nests more than {MaxDepth} levels deep (each AND or OR of a long chain counts; to test a value against a list, write new[] {{ ... }}.Contains(...))", null);
                return node;
            }
            // Children first, so that the innermost refusal is the one reported: GetType in line.GetType().Assembly.
            base.Visit(node);
            if (!list.IsAllowed(node.Type) && node.NodeType != ExpressionType.Lambda)
                Refuse($"a value of type '{Display(node.Type)}' is not allowed in rules", NameOf(node));
            _depth--;
            return node;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = base.VisitMethodCall(node);
            var method = node.Method;
            var owner = method.DeclaringType!;
            if (RefusedMembers.TryGetValue(method.Name, out var why))
                Refuse($"'{method.Name}' is not allowed in rules: {why}", method.Name);
            else if (list._readable.Contains(owner) && !method.IsSpecialName)
                Refuse($"calling '{method.Name}' is not allowed in rules: the inputs are read through their fields", method.Name);
            else if (!list.IsFramework(owner) && !list._readable.Contains(owner))
                Refuse($"'{Display(owner)}.{method.Name}' is not allowed in rules", method.Name);
            return visited;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            var visited = base.VisitMember(node);
            var owner = node.Member.DeclaringType!;
            // An array's Length: the one member of System.Array a rule needs (its functions create and copy arrays).
            if (!list.IsAllowed(owner) && !(owner == typeof(Array) && node.Member.Name is nameof(Array.Length)))
                Refuse($"'{Display(owner)}.{node.Member.Name}' is not allowed in rules", node.Member.Name);
            return visited;
        }

        protected override Expression VisitNew(NewExpression node)
        {
            var visited = base.VisitNew(node);
            var type = node.Type;
            if (!CreatableTypes.Contains(DefinitionName(type)) && !type.IsSubclassOf(typeof(System.Linq.Dynamic.Core.DynamicClass)) && !IsCompilerMade(type))
                Refuse($"creating a {Display(type)} is not allowed in rules", type.Name);
            return visited;
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            var visited = base.VisitNewArray(node);
            if (node.NodeType == ExpressionType.NewArrayBounds)
                Refuse("an array of a given size is not allowed in rules; list its items: new[] { 1, 2 }", "new");
            return visited;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            var visited = base.VisitBinary(node);
            if (node.Method is { } method && !list.IsFramework(method.DeclaringType!) && !(list._readable.Contains(method.DeclaringType!) && method.IsSpecialName))
                Refuse($"the operator '{method.Name}' of '{Display(method.DeclaringType!)}' is not allowed in rules", null);
            return visited;
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var visited = base.VisitUnary(node);
            if (node.Method is { } method && !list.IsFramework(method.DeclaringType!) && !(list._readable.Contains(method.DeclaringType!) && method.IsSpecialName))
                Refuse($"the conversion '{method.Name}' of '{Display(method.DeclaringType!)}' is not allowed in rules", null);
            return visited;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && !list.IsAllowed(node.Value.GetType()))
                Refuse($"a value of type '{Display(node.Value.GetType())}' is not allowed in rules", null);
            return node;
        }

        protected override Expression VisitInvocation(InvocationExpression node) => Refused(node, "invoking a function value is not allowed in rules");

        protected override Expression VisitDynamic(DynamicExpression node) => Refused(node, "dynamic is not allowed in rules");

        protected override Expression VisitBlock(BlockExpression node) => Refused(node, "statements are not allowed in rules");

        protected override Expression VisitLoop(LoopExpression node) => Refused(node, "loops are not allowed in rules");

        protected override Expression VisitTry(TryExpression node) => Refused(node, "try is not allowed in rules");

        protected override Expression VisitGoto(GotoExpression node) => Refused(node, "jumps are not allowed in rules");

        protected override Expression VisitExtension(Expression node) => Refused(node, "this expression is not allowed in rules");

        protected override Expression VisitIndex(IndexExpression node)
        {
            var visited = base.VisitIndex(node);
            if (node.Indexer is { } indexer && !list.IsAllowed(indexer.DeclaringType!))
                Refuse($"'{Display(indexer.DeclaringType!)}[...]' is not allowed in rules", null);
            return visited;
        }

        private Expression Refused(Expression node, string reason)
        {
            Refuse(reason, NameOf(node));
            return node;
        }

        private void Refuse(string reason, string? name) => Refusal ??= (reason, name);

        private static string? NameOf(Expression node) => node switch
        {
            MethodCallExpression call => call.Method.Name,
            MemberExpression member => member.Member.Name,
            NewExpression created => created.Type.Name,
            _ => null,
        };
    }
}

using System.Linq.Expressions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// The first expression a process parses costs about 75 ms more than the next (measured: System.Linq.Dynamic.Core loading
/// its types and reflection caches, and RulesEngine's type provider scanning the loaded assemblies), nearly all of a short
/// command's rule loading. Parsing one trivial expression on another thread while the plugins load and the workbook
/// opens takes that cost off the path a user waits for. Parsing is thread-safe: each parser is used by one thread.
/// </summary>
public static class RuleLanguageWarmUp
{
    private static int _started;

    /// <summary>Starts the warm-up once per process; returns at once.</summary>
    public static void Begin()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
            return;
        _ = Task.Run(() =>
        {
            try
            {
                new RuleExpressionParser(new ReSettings()).Parse("x.Length > 0 AND x <> \"\"", [Expression.Parameter(typeof(string), "x")], typeof(bool));
            }
            catch (Exception ex) when (ex is System.Linq.Dynamic.Core.Exceptions.ParseException or InvalidOperationException)
            {
                // Only a warm-up: the real parse reports whatever is wrong.
            }
        });
    }
}

using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;

namespace PluginHost.Cli.Commands;

/// <summary><c>check</c>: SQLite's integrity and every ledger invariant; exit code 0, or 1 listing each violation.</summary>
internal static class CheckCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var json = CommonOptions.Json("Write the violations as JSON");
        var command = new Command("check", "Verify the database: SQLite integrity and every ledger invariant") { json };
        return (command, context => Store.Use(context, store =>
        {
            var violations = LedgerCheck.Run(store);
            if (context.Parse.GetValue(json))
                Json.Write(context.Out, new { database = store.Path, invariants = LedgerCheck.InvariantCount, ok = violations.Count == 0, violations });
            else
            {
                foreach (var violation in violations)
                    context.Out.WriteLine($"violation: {violation}");
                context.Out.WriteLine(violations.Count == 0
                    ? $"{store.Path}: sound (SQLite integrity, foreign keys and {LedgerCheck.InvariantCount} ledger invariants)"
                    : $"{store.Path}: {violations.Count} violation{(violations.Count == 1 ? "" : "s")}");
            }
            return violations.Count == 0 ? ExitCodes.Done : ExitCodes.Refused;
        }));
    }
}

using System.Runtime.CompilerServices;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Tests.Rules;

/// <summary>
/// The discount example of Microsoft RulesEngine's documentation and demo app, written out in RulesEngine's own style
/// (RulesEngine/Discount.json: an array of workflows, operator words, lower-case member names, ErrorType,
/// RuleExpressionType, nested OrElse/AndAlso, SuccessEvent), loads as RulesEngine would read it and gives the documented
/// result for the demo's inputs: only the 25% discount applies.
/// </summary>
public sealed class RulesEngineCompatibilityTests
{
    public sealed class BasicInfo
    {
        public string Name { get; init; } = "";
        public string Email { get; init; } = "";
        public string CreditHistory { get; init; } = "";
        public string Country { get; init; } = "";
        public int LoyaltyFactor { get; init; }
        public int TotalPurchasesToDate { get; init; }
    }

    public sealed class OrderInfo
    {
        public int TotalOrders { get; init; }
        public int RecurringItems { get; init; }
    }

    public sealed class TelemetryInfo
    {
        public int NoOfVisitsPerMonth { get; init; }
        public int PercentageOfBuyingToVisit { get; init; }
    }

    private static readonly RuleInput[] Inputs =
    [
        new("input1", typeof(BasicInfo), "customer"),
        new("input2", typeof(OrderInfo), "orders"),
        new("input3", typeof(TelemetryInfo), "visits"),
    ];

    private static CompiledWorkflow Discount()
    {
        var (file, readProblems) = RuleFileReader.Read(Path.Combine(Folder(), "RulesEngine", "Discount.json"));
        Assert.Empty(readProblems);
        var (workflow, problems) = RuleCompiler.Compile(file!, "Discount", Inputs);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return workflow!;
    }

    [Fact]
    public void TheDocumentationsDiscountWorkflowGivesTheDocumentedDiscount()
    {
        var outcomes = Discount().Evaluate(
        [
            new BasicInfo { Name = "hello", Email = "abcy@xyz.com", CreditHistory = "good", Country = "canada", LoyaltyFactor = 3, TotalPurchasesToDate = 10000 },
            new OrderInfo { TotalOrders = 5, RecurringItems = 2 },
            new TelemetryInfo { NoOfVisitsPerMonth = 10, PercentageOfBuyingToVisit = 15 },
        ]);

        Assert.Equal(["25"], outcomes.Where(o => o.Passed).Select(o => o.Event));
        Assert.Equal(
            ["GiveDiscount10", "GiveDiscount20", "GiveDiscount30", "GiveDiscount30NestedOrExample", "GiveDiscount35NestedAndExample"],
            outcomes.Where(o => !o.Passed).Select(o => o.Rule.Name));
        Assert.Equal("No 10% discount.", outcomes[0].Message);
    }

    [Fact]
    public void TheNestedRulesCombineAsTheirOperatorsSay()
    {
        var workflow = Discount();

        var loyalBigSpender = workflow.Evaluate(
        [
            new BasicInfo { Country = "india", LoyaltyFactor = 4, TotalPurchasesToDate = 100000 },
            new OrderInfo { TotalOrders = 20 },
            new TelemetryInfo { NoOfVisitsPerMonth = 30 },
        ]);

        Assert.Equal(["30", "30", "35"], loyalBigSpender.Where(o => o.Passed).Select(o => o.Event));
    }

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

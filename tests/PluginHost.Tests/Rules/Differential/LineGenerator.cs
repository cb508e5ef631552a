namespace PluginHost.Tests.Rules.Differential;

/// <summary>
/// Deterministic lines for the differential tests: first a fixed set of edge lines (all defaults, nulls, zeros,
/// negatives, empty strings and lists, extreme and boundary dates and numbers), then lines drawn with a fixed-seed
/// <see cref="Random"/> from pools that are mostly edge values themselves.
/// </summary>
public static class LineGenerator
{
    public const int Seed = 20261101;

    public static readonly DateOnly[] BoundaryDates =
    [
        DateOnly.MinValue, DateOnly.MaxValue, new(2024, 2, 29), new(2025, 12, 31), new(2026, 1, 1), new(2026, 10, 31),
        new(2026, 11, 1), new(2026, 11, 2), new(2026, 11, 29), new(2026, 11, 30), new(2026, 12, 1), new(2026, 12, 31),
        new(2027, 1, 1), new(2026, 11, 8), new(2026, 12, 30),
    ];

    private static readonly string?[] Countries = [null, "", " ", "india", "India", "INDIA", "canada", "Sweden", "sweden", "norway", "x", "m"];
    private static readonly string?[] Names = [null, "", "  ", "A", "Ann", "ann-marie", "ZOE", "Bob Smith", "Élodie", "Joanna Longname", "ab"];
    private static readonly string[] Codes = ["", "A1", "a1-x", "B22", "PROMO-10", "PR", "promo", "X", "-A"];
    private static readonly int[] Quantities = [0, 1, -1, 2, 3, 5, 6, 10, 11, 100, -100, int.MaxValue, int.MinValue];
    private static readonly decimal[] Amounts = [0m, 0.01m, -0.01m, 4.99m, 5m, 6.95m, 7m, 99.995m, 100m, 499.5m, 999.99m, 1000m, 1000.01m, -1000m, 123456.789m, 10000m];
    private static readonly decimal?[] Discounts = [null, 0m, 0.1m, 1m, -5m, 50m, 2000m];
    private static readonly int?[] Ratings = [null, 0, 1, 2, 3, 5, -1];
    private static readonly double[] Weights = [0d, -2.5d, 2.25d, 2.5d, 3.49d, 3.5d, 1e9d, 1d, 0.5d];
    private static readonly bool?[] Confirmations = [null, true, false];
    private static readonly string?[] Skus = [null, "", "A1", "a1", "B-2", "SKU-9", "ab"];
    private static readonly int[] ItemQuantities = [0, 1, -1, 3, 6, 10, 100];
    private static readonly decimal[] Prices = [0m, 0.5m, 9.99m, 10m, -1m, 250m, 199.99m];
    private static readonly string?[] Emails = [null, "", "a@b.com", "bad", "X@Y.ORG", "someone@example.com"];
    private static readonly int[] Ages = [0, 17, 18, 19, 64, 65, -1, 120, 40];
    private static readonly decimal[] Limits = [0m, 500m, 1000m, -1m, 1000000m, 250.5m];
    private static readonly string?[] Tiers = [null, "", "gold", "Gold", "SILVER", "bronze"];

    /// <summary>The lines: the edge lines, then random ones up to <paramref name="count"/>.</summary>
    public static IReadOnlyList<DifferentialLine> Lines(int count = 240, int seed = Seed)
    {
        var lines = new List<DifferentialLine>(EdgeLines());
        var random = new Random(seed);
        while (lines.Count < count)
            lines.Add(new DifferentialLine(RandomOrder(random), RandomCustomer(random)));
        return lines;
    }

    /// <summary>Hand-picked lines: defaults, empties, negatives, extremes and boundary dates.</summary>
    public static IEnumerable<DifferentialLine> EdgeLines()
    {
        // Everything at its default: null strings and lists, zero numbers, DateOnly.MinValue.
        yield return new DifferentialLine(new Order(), new Customer());
        // Empty strings and empty lists.
        yield return new DifferentialLine(
            new Order { Country = "", CustomerName = "", Code = "", Items = [], OrderDate = new(2026, 11, 1) },
            new Customer { Name = "", Email = "", Tier = "", Tags = [] });
        // Negatives everywhere.
        yield return new DifferentialLine(
            new Order
            {
                Country = "india", CustomerName = "Ann", Code = "-A", Quantity = -1, Rating = -1, Amount = -0.01m, Discount = -5m, Weight = -2.5d,
                OrderDate = new(2026, 10, 31), ShipDate = new(2026, 10, 30), Confirmed = false,
                Items = [new OrderItem { Sku = "A1", Quantity = -1, Price = -1m }, new OrderItem { Sku = null, Quantity = -100, Price = 0m }],
            },
            new Customer { Name = "Ann", Email = "bad", Age = -1, CreditLimit = -1m, Since = new(2027, 1, 1), Tier = "gold", Tags = ["vip"] });
        // The largest values.
        yield return new DifferentialLine(
            new Order
            {
                Country = "canada", CustomerName = "Joanna Longname", Code = "PROMO-10", Quantity = int.MaxValue, Rating = int.MaxValue, Amount = decimal.MaxValue,
                Discount = decimal.MaxValue, Weight = 1e9d, OrderDate = DateOnly.MaxValue, ShipDate = DateOnly.MaxValue, IsPriority = true, Confirmed = true,
                Items = [new OrderItem { Sku = "SKU-9", Quantity = int.MaxValue, Price = 250m, Taxable = true, Expires = DateOnly.MaxValue }],
            },
            new Customer { Name = "ZOE", Email = "X@Y.ORG", Age = int.MaxValue, CreditLimit = decimal.MaxValue, Vip = true, Since = DateOnly.MaxValue, Tier = "SILVER", Tags = ["a", "b"] });
        // The smallest values.
        yield return new DifferentialLine(
            new Order
            {
                Country = "Sweden", CustomerName = "  ", Code = "X", Quantity = int.MinValue, Rating = int.MinValue, Amount = decimal.MinValue, Discount = decimal.MinValue,
                Weight = -1e9d, OrderDate = DateOnly.MinValue, ShipDate = DateOnly.MinValue,
                Items = [new OrderItem { Sku = "", Quantity = int.MinValue, Price = decimal.MinValue, Expires = DateOnly.MinValue }],
            },
            new Customer { Name = null, Email = null, Age = int.MinValue, CreditLimit = decimal.MinValue, Since = DateOnly.MinValue, Tier = null, Tags = null });
        // The boundary dates, each with a plain, passing-looking line.
        foreach (var date in BoundaryDates)
        {
            yield return new DifferentialLine(
                new Order
                {
                    Country = "india", CustomerName = "Ann", Code = "A1", Quantity = 2, Rating = 3, Amount = 100m, Discount = 0m, Weight = 2.5d, OrderDate = date,
                    ShipDate = date, IsPriority = false, Confirmed = true,
                    Items = [new OrderItem { Sku = "A1", Quantity = 1, Price = 10m, Taxable = true, Expires = date }, new OrderItem { Sku = "B-2", Quantity = 6, Price = 9.99m }],
                },
                new Customer { Name = "Ann", Email = "a@b.com", Age = 18, CreditLimit = 1000m, Vip = true, Since = date, Tier = "Gold", Tags = ["vip"] });
        }
        // Zero quantity with an amount: every division by the quantity throws.
        yield return new DifferentialLine(
            new Order { Country = "India", CustomerName = "ab", Code = "PR", Quantity = 0, Amount = 1000m, Discount = 1000m, OrderDate = new(2026, 11, 30), Items = [new OrderItem()] },
            new Customer { Name = "ab", Email = "someone@example.com", Age = 65, CreditLimit = 0m, Tier = "bronze", Tags = [] });
        // A list holding a null-valued item and a null tag.
        yield return new DifferentialLine(
            new Order { Country = "norway", CustomerName = "Bob Smith", Code = "B22", Quantity = 11, Amount = 7m, Weight = 3.5d, OrderDate = new(2026, 12, 31), Items = [new OrderItem(), new OrderItem { Sku = "a1", Quantity = 3, Price = 199.99m }] },
            new Customer { Name = "Bob", Email = "a@b.com", Age = 64, CreditLimit = 250.5m, Tags = ["v", "x"] });
    }

    private static Order RandomOrder(Random random)
    {
        var orderDate = random.Next(3) == 0 ? Pick(random, BoundaryDates) : new DateOnly(2025, 6, 1).AddDays(random.Next(0, 800));
        return new Order
        {
            Country = Pick(random, Countries),
            CustomerName = Pick(random, Names),
            Code = Pick(random, Codes),
            Quantity = random.Next(3) == 0 ? random.Next(-50, 51) : Pick(random, Quantities),
            Rating = Pick(random, Ratings),
            Amount = random.Next(3) == 0 ? Math.Round((decimal)random.NextDouble() * 2000m - 500m, 2) : Pick(random, Amounts),
            Discount = Pick(random, Discounts),
            Weight = Pick(random, Weights),
            OrderDate = orderDate,
            ShipDate = random.Next(4) switch
            {
                0 => null,
                1 => Pick(random, BoundaryDates),
                _ => orderDate.DayNumber + 60 < DateOnly.MaxValue.DayNumber && orderDate.DayNumber > 10 ? orderDate.AddDays(random.Next(-5, 60)) : orderDate,
            },
            IsPriority = random.Next(2) == 0,
            Confirmed = Pick(random, Confirmations),
            Items = random.Next(10) switch
            {
                0 => null,
                1 or 2 => [],
                _ => [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomItem(random, orderDate))],
            },
        };
    }

    private static OrderItem RandomItem(Random random, DateOnly orderDate) => new()
    {
        Sku = Pick(random, Skus),
        Quantity = Pick(random, ItemQuantities),
        Price = Pick(random, Prices),
        Taxable = random.Next(2) == 0,
        Expires = random.Next(3) switch
        {
            0 => null,
            1 => Pick(random, BoundaryDates),
            _ => orderDate,
        },
    };

    private static Customer RandomCustomer(Random random) => new()
    {
        Name = Pick(random, Names),
        Email = Pick(random, Emails),
        Age = random.Next(3) == 0 ? random.Next(0, 100) : Pick(random, Ages),
        CreditLimit = Pick(random, Limits),
        Vip = random.Next(3) == 0,
        Since = random.Next(3) == 0 ? null : Pick(random, BoundaryDates),
        Tier = Pick(random, Tiers),
        Tags = random.Next(4) switch
        {
            0 => null,
            1 => [],
            2 => ["vip"],
            _ => ["a", "v2", "b"],
        },
    };

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}

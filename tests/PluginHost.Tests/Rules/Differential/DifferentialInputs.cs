namespace PluginHost.Tests.Rules.Differential;

/// <summary>The <c>order</c> input of the differential workflows (<c>input1</c> in the positional one).</summary>
public sealed class Order
{
    public string? Country { get; init; }

    public string? CustomerName { get; init; }

    public string Code { get; init; } = "";

    public int Quantity { get; init; }

    public int? Rating { get; init; }

    public decimal Amount { get; init; }

    public decimal? Discount { get; init; }

    public double Weight { get; init; }

    public DateOnly OrderDate { get; init; }

    public DateOnly? ShipDate { get; init; }

    public bool IsPriority { get; init; }

    public bool? Confirmed { get; init; }

    public List<OrderItem>? Items { get; init; }
}

/// <summary>An item of an <see cref="Order"/>.</summary>
public sealed class OrderItem
{
    public string? Sku { get; init; }

    public int Quantity { get; init; }

    public decimal Price { get; init; }

    public bool Taxable { get; init; }

    public DateOnly? Expires { get; init; }
}

/// <summary>The <c>customer</c> input of the differential workflows (<c>input2</c> in the positional one).</summary>
public sealed class Customer
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public int Age { get; init; }

    public decimal CreditLimit { get; init; }

    public bool Vip { get; init; }

    public DateOnly? Since { get; init; }

    public string? Tier { get; init; }

    public List<string>? Tags { get; init; }
}

/// <summary>One generated line: the two inputs every differential workflow reads.</summary>
public sealed record DifferentialLine(Order Order, Customer Customer);

namespace BurdenShift.Core.Domain;

/// <summary>An entry of the source registry: every figure, target and milestone cites one.</summary>
public class Source
{
    public int Id { get; set; }

    /// <summary>Stable key used by imports and seed files, e.g. <c>reuters-2027</c>.</summary>
    public required string Key { get; set; }

    public required string Publisher { get; set; }

    public required string Title { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public DatePrecision PublishedPrecision { get; set; } = DatePrecision.Day;

    public string? Url { get; set; }

    public Confidence Confidence { get; set; }

    public string? Note { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}

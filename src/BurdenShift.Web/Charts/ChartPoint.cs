namespace BurdenShift.Web.Charts;

/// <summary>One dated value of a series, with the range its source gave (a missing bound is the value).</summary>
public sealed record ChartPoint(DateOnly Date, decimal Value, decimal? Low = null, decimal? High = null)
{
    public bool HasRange => Low is not null || High is not null;

    public decimal LowEnd => Low ?? Value;

    public decimal HighEnd => High ?? Value;
}

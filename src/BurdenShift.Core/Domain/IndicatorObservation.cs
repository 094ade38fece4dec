namespace BurdenShift.Core.Domain;

/// <summary>One dated value of an indicator, sourced and graded like a share assessment.</summary>
public class IndicatorObservation : ISoftDeletable
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public DateOnly AsOf { get; set; }

    public DatePrecision AsOfPrecision { get; set; } = DatePrecision.Day;

    public decimal Value { get; set; }

    /// <summary>Optional range around the value (docs/methodology.md, "Ranges"); null: the value itself.</summary>
    public decimal? Low { get; set; }

    public decimal? High { get; set; }

    public int SourceId { get; set; }

    public Source? Source { get; set; }

    public Confidence Confidence { get; set; }

    public string? Note { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}

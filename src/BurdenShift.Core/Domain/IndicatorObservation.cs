namespace BurdenShift.Core.Domain;

/// <summary>One dated value of an indicator, sourced and graded like a share assessment.</summary>
public class IndicatorObservation : SourcedFigure
{
    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public decimal Value { get; set; }

    /// <summary>Optional range around the value (docs/methodology.md, "Ranges"); null: the value itself.</summary>
    public decimal? Low { get; set; }

    public decimal? High { get; set; }
}

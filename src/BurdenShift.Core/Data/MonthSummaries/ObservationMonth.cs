namespace BurdenShift.Core.Data.MonthSummaries;

/// <summary>
/// One calendar month of one indicator's live observations that cite one source with one
/// confidence: the count, the first date, the lowest and highest value and range end, compared
/// as REAL. Kept by triggers, as <see cref="ShareMonth"/>.
/// </summary>
internal sealed class ObservationMonth
{
    public int IndicatorId { get; set; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }

    public int SourceId { get; set; }

    public Confidence Confidence { get; set; }

    public int Rows { get; set; }

    public DateOnly FirstAsOf { get; set; }

    public double? ValueMin { get; set; }

    public double? ValueMax { get; set; }

    public double? LowEnd { get; set; }

    public double? HighEnd { get; set; }
}

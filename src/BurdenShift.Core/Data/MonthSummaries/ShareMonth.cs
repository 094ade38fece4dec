namespace BurdenShift.Core.Data.MonthSummaries;

/// <summary>
/// One calendar month of one area's live share assessments that cite one source with one
/// confidence: how many there are, the month's first date, and the lowest and highest value of
/// each share and of each range end, as the database compares them (REAL). Kept by the database's
/// own triggers on every insert, update and delete (<see cref="MonthSummaryTriggers"/>, docs/decisions/0023),
/// so an area's whole-history chart and source list read at most one row per month and source
/// instead of every assessment. Never written by the application, never backed up.
/// </summary>
internal sealed class ShareMonth
{
    public int AreaId { get; set; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }

    public int SourceId { get; set; }

    public Confidence Confidence { get; set; }

    public int Rows { get; set; }

    public DateOnly FirstAsOf { get; set; }

    public double? EuropeMin { get; set; }

    public double? EuropeMax { get; set; }

    public double? UsMin { get; set; }

    public double? UsMax { get; set; }

    /// <summary>The lowest low end of the Europe ranges (a missing bound is the share).</summary>
    public double? EuropeLowEnd { get; set; }

    public double? EuropeHighEnd { get; set; }

    public double? UsLowEnd { get; set; }

    public double? UsHighEnd { get; set; }
}

namespace BurdenShift.Core.Data.DayPoints;

/// <summary>
/// One date of one area's Europe-share series: the live assessment with a Europe share entered
/// last on that date (the largest id), which supersedes the others of its date in every figure
/// (docs/methodology.md, rule 1), copied with what the engine reads of it. Kept by the database's
/// own triggers (<see cref="DayPointTriggers"/>, docs/decisions/0024), so a trend window reads its
/// dates, about 1,100 in three years, instead of walking every row of them. Never written by the
/// application, never backed up.
/// </summary>
internal sealed class ShareDay
{
    public int AreaId { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>The assessment's id: its entry order.</summary>
    public long RowId { get; set; }

    public DatePrecision AsOfPrecision { get; set; }

    public decimal EuropeShare { get; set; }

    public decimal? UsShare { get; set; }

    public Confidence Confidence { get; set; }

    public decimal? EuropeLow { get; set; }

    public decimal? EuropeHigh { get; set; }

    public decimal? UsLow { get; set; }

    public decimal? UsHigh { get; set; }
}

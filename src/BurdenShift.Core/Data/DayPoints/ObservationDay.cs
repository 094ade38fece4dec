namespace BurdenShift.Core.Data.DayPoints;

/// <summary>
/// One date of one indicator's series: the live observation entered last on that date, copied
/// with what the engine reads of it. Kept by triggers, as <see cref="ShareDay"/>.
/// </summary>
internal sealed class ObservationDay
{
    public int IndicatorId { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>The observation's id: its entry order.</summary>
    public long RowId { get; set; }

    public DatePrecision AsOfPrecision { get; set; }

    public decimal Value { get; set; }

    public Confidence Confidence { get; set; }

    public decimal? Low { get; set; }

    public decimal? High { get; set; }
}

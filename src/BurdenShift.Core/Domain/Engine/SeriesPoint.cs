namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// One observation of a series. <paramref name="EntryOrder"/> breaks ties between observations
/// of the same date: the larger one was entered later (database ids grow in entry order, and
/// an import writes its rows in file order). <paramref name="Low"/> and <paramref name="High"/>
/// are the optional range around the value (docs/methodology.md, "Ranges"); a missing bound
/// equals the value.
/// </summary>
public readonly record struct SeriesPoint(
    DateOnly Date, decimal Value, long EntryOrder, Confidence Confidence = Confidence.High, decimal? Low = null, decimal? High = null)
{
    /// <summary>Whether the row gives a range at all (either bound).</summary>
    public bool HasRange => Low is not null || High is not null;

    /// <summary>The value of the low end: the low bound, or the value when none is given.</summary>
    public decimal LowEnd => Low ?? Value;

    /// <summary>The value of the high end: the high bound, or the value when none is given.</summary>
    public decimal HighEnd => High ?? Value;
}

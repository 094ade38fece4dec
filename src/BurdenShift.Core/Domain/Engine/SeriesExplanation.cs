namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// How the engine read a series on an as-of date, step by step (docs/methodology.md, rules 1, 2
/// and 7): which entries count (one per date, the one entered last), which were superseded, the
/// trend window and the points in it, and the at-risk baseline. The Methodology page prints this
/// instead of restating the rules, so no rule is written twice.
/// </summary>
public sealed record SeriesExplanation(
    SeriesSnapshot Snapshot,
    IReadOnlyList<SeriesPoint> PerDate,
    IReadOnlyList<SeriesPoint> Window,
    DateOnly? WindowStart)
{
    /// <summary>The earliest point that counts; the at-risk baseline of an indicator.</summary>
    public SeriesPoint? Earliest => PerDate.Count > 0 ? PerDate[0] : null;

    /// <summary>Whether the entry with this entry order is the one its date counts (false: superseded or after D).</summary>
    public bool Counts(long entryOrder) => PerDate.Any(p => p.EntryOrder == entryOrder);

    /// <summary>Whether the entry is one of the points the trend is fitted through.</summary>
    public bool InTrendWindow(long entryOrder) => Snapshot.TrendPerYear is not null && Window.Any(p => p.EntryOrder == entryOrder);
}

namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// A series' range as it stood on an as-of date (docs/methodology.md, "Ranges"): the series of
/// its low ends and the series of its high ends, each read exactly as the point series is (one
/// point per date, the row entered last giving all three values; the same trend window and
/// baseline rule). <see cref="DistanceTo"/> measures both ends against a target.
/// </summary>
public sealed record SeriesRange(SeriesSnapshot Low, SeriesSnapshot High)
{
    /// <summary>
    /// The range of the observations dated on or before <paramref name="asOf"/>, or null when no
    /// row that enters a figure (the trend window, which holds the current row, and for an
    /// indicator its earliest row, the baseline) carries a range: a range on any other row
    /// would change no figure of either end.
    /// </summary>
    public static SeriesRange? Take(IEnumerable<SeriesPoint> points, DateOnly asOf, SeriesKind kind, IndicatorDirection direction)
    {
        var dated = points.Where(p => p.Date <= asOf).ToList();
        if (!dated.Exists(p => p.HasRange))
        {
            // No row carries a range, so none that enters a figure does: no need to read the series again.
            return null;
        }

        var explained = SeriesSnapshot.Explain(dated, asOf, kind, direction);
        var counted = explained.Window.Any(p => p.HasRange)
            || (kind == SeriesKind.Indicator && explained.Earliest is { HasRange: true });
        if (!counted)
        {
            return null;
        }

        // The ends keep each row's entry order, so the same row counts for its date in all three series.
        return new SeriesRange(
            SeriesSnapshot.Take(dated.Select(p => p with { Value = p.LowEnd, Low = null, High = null }), asOf, kind, direction),
            SeriesSnapshot.Take(dated.Select(p => p with { Value = p.HighEnd, Low = null, High = null }), asOf, kind, direction));
    }

    /// <summary>
    /// Both ends against one target: for a target of direction up the low end is pessimistic and
    /// the high end optimistic; for direction down the reverse.
    /// </summary>
    public TargetRange DistanceTo(SeriesTarget target)
    {
        var low = Low.DistanceTo(target);
        var high = High.DistanceTo(target);
        return Low.Direction == IndicatorDirection.Up ? new TargetRange(low, high) : new TargetRange(high, low);
    }
}

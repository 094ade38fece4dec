namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// A series as it stood on an as-of date: its current observation, its trend and its baseline
/// (docs/methodology.md, rules 1 and 2). <see cref="DistanceTo"/> measures it against a target.
/// Computed in <see cref="decimal"/> so that the same data gives the same figures on every
/// database and machine.
/// </summary>
public sealed record SeriesSnapshot(
    DateOnly AsOf,
    SeriesKind Kind,
    IndicatorDirection Direction,
    SeriesPoint? Current,
    decimal? TrendPerYear,
    decimal? Baseline,
    Confidence? Confidence,
    int PointCount)
{
    /// <summary>Length of a year in days, as the methodology measures time.</summary>
    public const decimal DaysPerYear = 365.25m;

    /// <summary>
    /// Decimal places kept in computed figures. Division by 365.25 leaves noise in the 28th digit
    /// (a projection of exactly 50 would come out 49.9999...9 and miss a target of 50); twelve
    /// places are far beyond any source's precision and make such ties exact.
    /// </summary>
    public const int Places = 12;

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/> (negative when earlier).</summary>
    public static decimal Years(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / DaysPerYear;

    /// <summary>
    /// The at-risk band: a projection within this fraction of |V - baseline| of reaching V is
    /// at-risk rather than off-track (rule 7).
    /// </summary>
    public const decimal AtRiskBand = 0.1m;

    /// <summary>Takes the observations dated on or before <paramref name="asOf"/> and works out current, trend and baseline.</summary>
    public static SeriesSnapshot Take(IEnumerable<SeriesPoint> points, DateOnly asOf, SeriesKind kind, IndicatorDirection direction) =>
        Explain(points, asOf, kind, direction).Snapshot;

    /// <summary>As <see cref="Take"/>, with the steps that led to the snapshot.</summary>
    public static SeriesExplanation Explain(IEnumerable<SeriesPoint> points, DateOnly asOf, SeriesKind kind, IndicatorDirection direction)
    {
        var perDate = PerDate(points, asOf);
        if (perDate.Count == 0)
        {
            return new SeriesExplanation(new SeriesSnapshot(asOf, kind, direction, null, null, null, null, 0), [], [], null);
        }

        var current = perDate[^1];
        var windowStart = current.Date.AddYears(-3); // 29 February becomes 28 February
        var window = perDate.Where(p => p.Date >= windowStart).ToList();
        decimal? trend = window.Count >= 2 && Slope(window, current.Date) is { } slope ? Math.Round(slope, Places) : null;
        var baseline = kind == SeriesKind.Share ? 0m : perDate[0].Value;
        var confidence = (trend is null ? [current] : window).Min(p => p.Confidence);
        var snapshot = new SeriesSnapshot(asOf, kind, direction, current, trend, baseline, confidence, perDate.Count);
        return new SeriesExplanation(snapshot, perDate, window, windowStart);
    }

    /// <summary>
    /// One point per date on or before <paramref name="asOf"/>, in date order: of each date the one
    /// entered last (the largest entry order), which supersedes the others (rule 1). The loads hand
    /// over their points in date and entry order, so the sort is skipped when they already are (a
    /// window of a thousand dates, read for every series of every data version); then one pass
    /// keeps each date's last point.
    /// </summary>
    private static List<SeriesPoint> PerDate(IEnumerable<SeriesPoint> points, DateOnly asOf)
    {
        // Stored decimals carry their column's scale (60.2000 from numeric(7,4)); figures
        // computed from them must not depend on which database they came from.
        var dated = points.Where(p => p.Date <= asOf).Select(p => p with { Value = p.Value.Normalize() }).ToList();
        static int InOrder(SeriesPoint a, SeriesPoint b) => (a.Date, a.EntryOrder).CompareTo((b.Date, b.EntryOrder));
        if (Enumerable.Range(1, Math.Max(0, dated.Count - 1)).Any(i => InOrder(dated[i - 1], dated[i]) > 0))
        {
            dated = [.. dated.OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)]; // stable: of equal points the first stays first
        }

        var perDate = new List<SeriesPoint>(dated.Count);
        foreach (var p in dated)
        {
            if (perDate.Count > 0 && perDate[^1].Date == p.Date)
            {
                if (p.EntryOrder > perDate[^1].EntryOrder)
                {
                    perDate[^1] = p;
                }
            }
            else
            {
                perDate.Add(p);
            }
        }

        return perDate;
    }

    /// <summary>
    /// The value a projection must reach to be at-risk rather than off-track: V moved back toward
    /// the baseline by <see cref="AtRiskBand"/> of |V - baseline|. Null without a baseline.
    /// </summary>
    public decimal? AtRiskThreshold(decimal value) => Baseline is { } baseline
        ? value - (Math.Abs(value - baseline) * AtRiskBand * (Direction == IndicatorDirection.Up ? 1 : -1))
        : null;

    /// <summary>Gap, required pace, projection, ETA and status against one target (rules 3 to 7).</summary>
    public TargetDistance DistanceTo(SeriesTarget target)
    {
        if (Current is not { } point)
        {
            return TargetDistance.NoData;
        }

        var up = Direction == IndicatorDirection.Up;
        var current = point.Value;
        var value = target.Value;

        var gap = Math.Max(0m, up ? value - current : current - value);
        decimal? required = target.Deadline > AsOf ? Math.Round(gap / Years(AsOf, target.Deadline) * (up ? 1 : -1), Places) : null;

        var projected = Clamp(TrendPerYear is { } t ? Math.Round(current + (t * Years(point.Date, target.Deadline)), Places) : current);
        var met = up ? current >= value : current <= value;
        var eta = met ? null : EtaOf(point, value);
        decimal? yearsLate = eta is { } e ? Math.Round(Years(target.Deadline, e), 1, MidpointRounding.AwayFromZero) : null;

        var status = met ? TargetStatus.Met
            : AsOf > target.Deadline ? TargetStatus.Missed
            : Reaches(projected, value) ? TargetStatus.OnTrack
            : Reaches(projected, AtRiskThreshold(value)!.Value) ? TargetStatus.AtRisk
            : TargetStatus.OffTrack;

        return new TargetDistance(current, point.Date, TrendPerYear, gap, required, projected, eta, yearsLate, status, Confidence);
    }

    private bool Reaches(decimal projected, decimal threshold) =>
        Direction == IndicatorDirection.Up ? projected >= threshold : projected <= threshold;

    private DateOnly? EtaOf(SeriesPoint current, decimal value)
    {
        if (TrendPerYear is not { } trend || trend == 0m)
        {
            return null;
        }

        var years = (value - current.Value) / trend;
        if (years <= 0m)
        {
            return null; // the trend moves away from the target
        }

        var days = Math.Round(years * DaysPerYear, MidpointRounding.AwayFromZero);
        // A trend so flat that it arrives after the calendar ends has, in practice, no ETA.
        return days <= DateOnly.MaxValue.DayNumber - current.Date.DayNumber
            ? current.Date.AddDays((int)days)
            : null;
    }

    private decimal Clamp(decimal projected) => Kind == SeriesKind.Share
        ? Math.Clamp(projected, 0m, 100m)
        : Math.Max(0m, projected);

    /// <summary>Ordinary least-squares slope of value against time in years.</summary>
    private static decimal? Slope(List<SeriesPoint> points, DateOnly origin)
    {
        var xs = points.Select(p => Years(origin, p.Date)).ToList();
        var meanX = xs.Average();
        var meanY = points.Average(p => p.Value);
        decimal sxx = 0m, sxy = 0m;
        for (var i = 0; i < points.Count; i++)
        {
            var dx = xs[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (points[i].Value - meanY);
        }

        return sxx == 0m ? null : sxy / sxx;
    }
}

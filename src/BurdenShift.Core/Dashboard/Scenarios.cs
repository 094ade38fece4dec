namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Scenarios (docs/methodology.md, "Scenarios"): a series' targets measured as if its trend were
/// a pace chosen by the user, from the same current value and date. Projection, ETA, years late
/// and status follow the engine's rules with that pace; gap and required rate do not depend on it.
/// Computed from the snapshot the dashboard already holds: no stored data changes and no query runs.
/// </summary>
public static class Scenarios
{
    /// <summary>The largest pace, in either direction, a scenario takes (points or units per year).</summary>
    public const decimal MaxPace = 1_000_000_000m;

    /// <summary>The targets under <paramref name="pace"/>; unchanged when the series has no current value.</summary>
    public static IReadOnlyList<TargetResult> Apply(SeriesSnapshot? snapshot, IReadOnlyList<TargetResult> targets, decimal pace)
    {
        if (snapshot?.Current is null)
        {
            return targets;
        }

        var scenario = snapshot with { TrendPerYear = pace.Normalize() };
        return [.. targets.Select(t =>
        {
            var d = scenario.DistanceTo(new SeriesTarget(t.Value, t.Deadline));
            // The range's figures follow the fitted trends of its ends, not the scenario's pace: left out.
            return t with { Projected = d.Projected, Eta = d.Eta, YearsLate = d.YearsLate, Status = d.Status, Range = null };
        })];
    }

    /// <summary>Reads a pace typed in a form or a query string: a number of at most six decimals within ±<see cref="MaxPace"/>.</summary>
    public static bool TryReadPace(string? text, out decimal pace, out string problem) =>
        InputRules.TryNumber(text, 6, -MaxPace, MaxPace, out pace, out problem);
}

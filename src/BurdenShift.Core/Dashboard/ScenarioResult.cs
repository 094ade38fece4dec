namespace BurdenShift.Core.Dashboard;

/// <summary>
/// A series' targets under a chosen pace (<see cref="Scenarios"/>): every figure as in the read API
/// except projected, ETA, years late and status, which use <paramref name="Pace"/> in place of the
/// fitted trend (<paramref name="FittedTrendPerYear"/>, given for comparison).
/// </summary>
public sealed record ScenarioResult(
    string Key,
    string Name,
    string Unit,
    DateOnly AsOf,
    bool Illustrative,
    decimal Pace,
    decimal? FittedTrendPerYear,
    IReadOnlyList<TargetResult> Targets);

namespace BurdenShift.Web.Charts;

/// <summary>A pace chosen in place of the fitted trend and the targets measured with it (<see cref="Scenarios"/>).</summary>
public sealed record ChartScenario(decimal Pace, decimal? FittedTrend, IReadOnlyList<TargetResult> Targets)
{
    /// <summary>"SCENARIO: +5 pts/yr": how every chart and export of a scenario says what it is.</summary>
    public string Label(string unit) => $"SCENARIO: {Rate(Pace, unit)}";

    /// <summary>The pace as the address and the export links carry it: invariant, up to six decimals.</summary>
    public string PaceText => Text(Pace);

    public static string Text(decimal pace) => pace.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    // A unit that is itself a rate ("shells/yr") reads "per year" rather than "shells/yr/yr".
    public static string Rate(decimal pace, string unit) =>
        unit == "%" ? Core.Formatting.Formats.WithSign(pace, " pts/yr")
        : Core.Formatting.Formats.WithSign(pace, unit.EndsWith("/yr", StringComparison.Ordinal) ? $" {unit} per year" : $" {unit}/yr");
}

namespace BurdenShift.Web.Components.Pages.Methodology;

/// <summary>
/// The methodology's worked example: a series with a target, its observations up to D, the engine's
/// own account of which of them it used and how (<see cref="SeriesSnapshot.Explain"/>), and each
/// rule's arithmetic written out with the engine's numbers. No rule is computed here: the figures
/// are the engine's, only the words are this class's.
/// </summary>
public sealed class WorkedExample(IndicatorSummary indicator, TargetResult target, IReadOnlyList<ObservationRow> observations, DateOnly asOf, string? note)
{
    /// <summary>The series the worked example prefers: EU 155 mm shell production capacity, with its 2027 target.</summary>
    private const string PreferredIndicator = "eu-155mm-capacity";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public IndicatorSummary Indicator { get; } = indicator;

    public TargetResult Target { get; } = target;

    public IReadOnlyList<ObservationRow> Observations { get; } = observations;

    public DateOnly AsOf { get; } = asOf;

    public string? Note { get; } = note;

    public SeriesExplanation Engine { get; } = SeriesSnapshot.Explain(
        observations.Select(o => new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence)), asOf,
        SeriesKind.Indicator, indicator.Direction);

    /// <summary>
    /// EU 155 mm capacity when it has a target and two observations by the date; else the first
    /// indicator that has both; else none.
    /// </summary>
    public static WorkedExample? Choose(
        IReadOnlyList<IndicatorSummary> indicators, IReadOnlyDictionary<string, IReadOnlyList<ObservationRow>> observations, DateOnly asOf)
    {
        IReadOnlyList<ObservationRow> Of(IndicatorSummary i) => observations.TryGetValue(i.Key, out var list) ? list : [];
        bool Usable(IndicatorSummary i) => i.Targets.Count > 0 && Of(i).Count >= 2;

        var preferred = indicators.FirstOrDefault(i => i.Key == PreferredIndicator);
        var chosen = preferred is not null && Usable(preferred) ? preferred : indicators.FirstOrDefault(Usable);
        if (chosen is null)
        {
            return null;
        }

        string? note = preferred is null
            ? "The preferred series, EU 155 mm shell production capacity, is not in the data, so the example uses the first indicator with a target and at least two observations."
            : chosen != preferred
                ? $"{preferred.Name} has {(preferred.Targets.Count == 0 ? "no target" : "fewer than two observations dated on or before " + Formats.Date(asOf))}, so the example uses the first indicator with a target and at least two observations."
                : null;
        var target = chosen.Targets.FirstOrDefault(t => t.Key == "2027") ?? chosen.Targets[0];
        return new WorkedExample(chosen, target, Of(chosen), asOf, note);
    }

    public ObservationRow? Current => Engine.Snapshot.Current is { } c ? Of(c) : null;

    public ObservationRow? Baseline => Engine.Earliest is { } b ? Of(b) : null;

    /// <summary>The points the trend is fitted through (from c minus three calendar years up to c).</summary>
    public IReadOnlyList<ObservationRow> Window => [.. Engine.Window.Select(Of)];

    private ObservationRow Of(SeriesPoint p) => Observations.First(o => o.Id == p.EntryOrder);

    public string RoleOf(ObservationRow o)
    {
        if (!Engine.Counts(o.Id))
        {
            return "superseded: a later entry of the same date counts";
        }

        var roles = new List<string>();
        if (o == Current)
        {
            roles.Add("current");
        }

        if (Engine.InTrendWindow(o.Id))
        {
            roles.Add("trend window");
        }

        if (o == Baseline)
        {
            roles.Add("baseline (earliest)");
        }

        return roles.Count > 0 ? string.Join(", ", roles) : "history (before the trend window)";
    }

    // Unit-aware text for values and per-year rates, rounded for reading by Formats.
    public string Val(decimal v) => Unit == "%" ? Formats.Percent(v) : $"{Formats.Number(v)} {Unit}";

    public string Rate(decimal v) => Unit == "%" ? $"{Formats.WithSign(v, " pts")} per year" : $"{Formats.WithSign(v, "")} {Unit} per year";

    private string Unit => Indicator.Unit;

    public bool Up => Indicator.Direction == IndicatorDirection.Up;

    // Intermediate years to four places, so the written-out division visibly gives the engine's figure.
    private static string Years(int days) => Minus((days / SeriesSnapshot.DaysPerYear).ToString("0.####", Inv));

    private static string Days(int days) => $"{Minus(days.ToString("#,0", Inv))} day{(Math.Abs(days) == 1 ? "" : "s")}";

    public static string Minus(string number) => number.StartsWith('-') ? "−" + number[1..] : number;

    public static string LateText(decimal late) => late switch
    {
        > 0 => $"{late.ToString("0.0", Inv)} years late",
        < 0 => $"{(-late).ToString("0.0", Inv)} years early",
        _ => "on the deadline",
    };

    public string CurrentArithmetic()
    {
        var t = Target;
        if (t.Current is not { } current || t.CurrentDate is not { } c)
        {
            return "No observation dated on or before D: every figure is null.";
        }

        var dates = Observations.Select(o => o.AsOf).Distinct().Count();
        var given = Current is { } latest && latest.AsOf == c && latest.DatePrecision != DatePrecision.Day
            ? $" (the source gave {Formats.Date(latest.AsOf, latest.DatePrecision)}; the date is the end of that period)"
            : "";
        return $"Of {Observations.Count} observation{(Observations.Count == 1 ? "" : "s")} on {dates} date{(dates == 1 ? "" : "s")} up to {Formats.Date(AsOf)}, " +
            $"the latest is dated {Formats.Date(c)}{given}: current = {Val(current)}, c = {Formats.Date(c)}.";
    }

    public string TrendArithmetic()
    {
        if (Current is not { } c)
        {
            return "No current value, so no trend.";
        }

        var start = Engine.WindowStart!.Value;
        var window = Window;
        var points = string.Join("; ", window.Select(o => $"{Formats.Date(o.AsOf)}: {Formats.Number(o.Value)}"));
        if (Indicator.TrendPerYear is null)
        {
            return $"Window {Formats.Date(start)} to {Formats.Date(c.AsOf)} holds {window.Count} date{(window.Count == 1 ? "" : "s")} ({points}): " +
                "fewer than two, so there is no trend (one data point).";
        }

        return $"Window {Formats.Date(start)} to {Formats.Date(c.AsOf)} holds {window.Count} dates ({points}). " +
            "With x each date's distance from c in years (days ÷ 365.25) and y its value, " +
            "trendPerYear = Σ(x − x̄)(y − ȳ) ÷ Σ(x − x̄)², the slope of the least-squares line through these points.";
    }

    public string GapArithmetic()
    {
        var t = Target;
        if (t.Current is not { } current || t.Gap is not { } gap)
        {
            return "No current value, so no gap.";
        }

        return Up
            ? $"gap = max(0, V − current) = max(0, {Formats.Number(t.Value)} − {Formats.Number(current)}) = {Formats.Number(gap)}"
            : $"gap = max(0, current − V) = max(0, {Formats.Number(current)} − {Formats.Number(t.Value)}) = {Formats.Number(gap)}";
    }

    public string RequiredArithmetic()
    {
        var t = Target;
        if (t.Gap is not { } gap)
        {
            return "No current value, so no required rate.";
        }

        var daysLeft = t.Deadline.DayNumber - AsOf.DayNumber;
        if (t.RequiredPerYear is not { } required || daysLeft <= 0)
        {
            return $"T ({Formats.Date(t.Deadline)}) is not after D ({Formats.Date(AsOf)}): no time is left, so there is no required rate.";
        }

        return $"yearsLeft = T − D = {Formats.Date(t.Deadline)} − {Formats.Date(AsOf)} = {Days(daysLeft)} = {Years(daysLeft)} years; " +
            $"requiredPerYear = {(Up ? "" : "−")}gap ÷ yearsLeft = {(Up ? "" : "−")}{Formats.Number(gap)} ÷ {Years(daysLeft)} = {Formats.Number(required)}";
    }

    public string ProjectedArithmetic()
    {
        var t = Target;
        if (t.Current is not { } current || t.CurrentDate is not { } c || t.Projected is not { } projected)
        {
            return "No current value, so no projection.";
        }

        if (Indicator.TrendPerYear is not { } trend)
        {
            return $"No trend, so projected = current = {Formats.Number(projected)}.";
        }

        var days = t.Deadline.DayNumber - c.DayNumber;
        return $"projected = current + trendPerYear × (T − c) = {Formats.Number(current)} + {Formats.Number(trend)} × {Years(days)} " +
            $"({Formats.Date(t.Deadline)} − {Formats.Date(c)} = {Days(days)}) = {Formats.Number(projected)}" +
            (projected == 0m ? " after clamping at 0" : "");
    }

    public string EtaArithmetic()
    {
        var t = Target;
        if (t.Status == TargetStatus.NoData)
        {
            return "No current value, so no ETA.";
        }

        if (t.Status == TargetStatus.Met)
        {
            return "The target is met, so there is no ETA to compute.";
        }

        if (Indicator.TrendPerYear is not { } trend)
        {
            return "No trend, so the trend line reaches nothing: no ETA.";
        }

        var current = t.Current ?? 0m;
        if (t.Eta is not { } eta || t.CurrentDate is not { } c)
        {
            return trend == 0m
                ? "The trend is flat: no ETA."
                : $"(V − current) ÷ trendPerYear = ({Formats.Number(t.Value)} − {Formats.Number(current)}) ÷ {Formats.Number(trend)} is not a positive number of years " +
                  "(the trend moves away from V), or the date would fall after 9999: no ETA.";
        }

        var days = eta.DayNumber - c.DayNumber;
        return $"eta = c + (V − current) ÷ trendPerYear = {Formats.Date(c)} + ({Formats.Number(t.Value)} − {Formats.Number(current)}) ÷ {Formats.Number(trend)} years " +
            $"= {Formats.Date(c)} + {Years(days)} years ({Days(days)}, rounded to a whole day) = {Formats.Date(eta)}";
    }

    public string YearsLateArithmetic()
    {
        var t = Target;
        if (t.Eta is not { } eta || t.YearsLate is not { } late)
        {
            return "No ETA, so no years late.";
        }

        var days = eta.DayNumber - t.Deadline.DayNumber;
        return $"yearsLate = eta − T = {Formats.Date(eta)} − {Formats.Date(t.Deadline)} = {Days(days)} ÷ 365.25 = {Minus(late.ToString("0.0", Inv))} years, " +
            "rounded half away from zero to one decimal";
    }

    public string StatusArithmetic()
    {
        var t = Target;
        if (t.Current is not { } current)
        {
            return "No observation on or before D: no-data.";
        }

        var up = Up;
        var reach = up ? "≥" : "≤";
        var shortOf = up ? "<" : ">";
        var v = Formats.Number(t.Value);
        var projected = t.Projected is { } p ? Formats.Number(p) : "—";
        var notMet = $"current {Formats.Number(current)} {shortOf} V {v}, so not met";
        var inTime = $"D {Formats.Date(AsOf)} is not after T {Formats.Date(t.Deadline)}, so not missed";
        var threshold = Threshold is { } th
            ? $"V {(up ? "−" : "+")} {Band.ToString("0%", Inv)} × |V − baseline| = {v} {(up ? "−" : "+")} {Band.ToString(Inv)} × |{v} − {Formats.Number(Baseline!.Value)}| = {Formats.Number(th)}"
            : null;
        return t.Status switch
        {
            TargetStatus.Met => $"met: current {Formats.Number(current)} {reach} V {v}.",
            TargetStatus.Missed => $"missed: {notMet}, and D {Formats.Date(AsOf)} is after T {Formats.Date(t.Deadline)}.",
            TargetStatus.OnTrack => $"on-track: {notMet}; {inTime}; projected {projected} {reach} V {v}.",
            TargetStatus.AtRisk => $"at-risk: {notMet}; {inTime}; projected {projected} does not reach V {v} but reaches {threshold}.",
            TargetStatus.OffTrack => $"off-track: {notMet}; {inTime}; projected {projected} does not reach V {v}, nor {threshold}.",
            _ => "no-data.",
        };
    }

    private static decimal Band => SeriesSnapshot.AtRiskBand;

    /// <summary>The at-risk threshold written out for the status row, as the engine computes it.</summary>
    private decimal? Threshold => Engine.Snapshot.AtRiskThreshold(Target.Value);
}

namespace BurdenShift.Core.Formatting;

/// <summary>
/// How numbers and dates are written for people: pages, exports, packs and messages. The API gives
/// figures unrounded and dates as ISO 8601; everything a person reads is rounded and written here.
/// </summary>
public static class Formats
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString(InputRules.DateFormat, Inv);

    /// <summary>The UTC day of a moment, YYYY-MM-DD.</summary>
    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.UtcDateTime));

    /// <summary>A moment to the minute, in UTC and saying so: "2026-06-30 14:05 UTC".</summary>
    public static string Moment(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv);

    public static string Date(DateOnly date, DatePrecision precision) => PartialDate.Format(date, precision);

    public static string Percent(decimal value) => value.ToString("0.#", Inv) + "%";

    public static string Number(decimal value) => Math.Abs(value) >= 1000 ? value.ToString("#,0", Inv) : value.ToString("0.##", Inv);

    /// <summary>" (range 400–500)" after a value whose source gives a range; a missing bound is the value itself; "" without a range.</summary>
    public static string RangeSuffix(decimal value, decimal? low, decimal? high, Func<decimal, string> format) =>
        low is null && high is null ? "" : $" (range {format(low ?? value)}–{format(high ?? value)})";

    public static string WithSign(decimal value, string unit) => (value > 0 ? "+" : "") + Number(value) + unit;

    /// <summary>"2028-03-01 (0.2 years late)" or "2027-01-01 (1.0 years early)", or why there is none.</summary>
    public static string Eta(TargetStatusLike t) => t.Status switch
    {
        TargetStatus.Met => "reached",
        TargetStatus.NoData => "—",
        _ when t.Eta is { } eta && t.YearsLate is { } late => late switch
        {
            > 0 => $"{Date(eta)} ({late.ToString("0.0", Inv)} years late)",
            < 0 => $"{Date(eta)} ({(-late).ToString("0.0", Inv)} years early)",
            _ => $"{Date(eta)} (on the deadline)",
        },
        _ => "not at the current pace",
    };

    public static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.Missed => "missed",
        TargetStatus.OnTrack => "on track",
        TargetStatus.AtRisk => "at risk",
        TargetStatus.OffTrack => "off track",
        _ => "no data",
    };
}

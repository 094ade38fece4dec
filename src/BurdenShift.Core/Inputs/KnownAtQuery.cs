using System.Text.RegularExpressions;

namespace BurdenShift.Core.Inputs;

/// <summary>
/// The <c>knownAt</c> parameter every page, API endpoint and export takes beside <c>asOf</c>
/// (docs/methodology.md, "Knowledge time"): the moment whose published record the dashboard is
/// computed from. An ISO date (the end of that day, UTC) or a date and time (UTC, or with an
/// offset); absent, the latest record. A moment after now is refused: nothing is known yet then.
/// Pages show the latest record and say why; the API and exports answer 400.
/// </summary>
public static partial class KnownAtQuery
{
    public const string Name = "knownAt";

    /// <summary>The moment <paramref name="text"/> names, or none with the reason it is not one.</summary>
    public static KnownAtReading Read(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new KnownAtReading(null, Given: false, Problem: null);
        }

        var trimmed = text.Trim();
        DateTimeOffset moment;
        if (trimmed.Length == InputRules.DateFormat.Length)
        {
            if (!InputRules.TryDate(trimmed, out var date, out var why))
            {
                return new KnownAtReading(null, Given: true, why);
            }

            // A day means all that was published by its end (PostgreSQL keeps microseconds).
            moment = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).AddTicks(-TimeSpan.TicksPerMicrosecond);
            return date > DateOnly.FromDateTime(now.UtcDateTime)
                ? new KnownAtReading(null, Given: true, $"{Shown(trimmed)} is in the future: nothing is known yet after today")
                : new KnownAtReading(moment, Given: true, null);
        }

        if (!DateTime().IsMatch(trimmed)
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out moment))
        {
            return new KnownAtReading(null, Given: true, trimmed.Length == 0
                ? "is empty"
                : $"{Shown(trimmed)} is not a date written YYYY-MM-DD or a date and time written YYYY-MM-DDTHH:MM:SSZ");
        }

        if (InputRules.RangeProblem(DateOnly.FromDateTime(moment.UtcDateTime)) is { } range)
        {
            return new KnownAtReading(null, Given: true, range);
        }

        return moment > now
            ? new KnownAtReading(null, Given: true, $"{Shown(trimmed)} is in the future: nothing is known yet after now")
            : new KnownAtReading(moment.ToUniversalTime(), Given: true, null);
    }

    /// <summary>The API's detail for a value that is not a moment; <paramref name="why"/> is <see cref="KnownAtReading.Problem"/>.</summary>
    public static string ApiDetail(string why) =>
        $"knownAt must be a date written YYYY-MM-DD (the end of that day, UTC) or a date and time in UTC written YYYY-MM-DDTHH:MM:SSZ, not later than now, for example 2026-03-15 or 2026-03-15T09:30:00Z; it {why}.";

    /// <summary>The moment as the pages and exports print it: "2026-03-15 09:30 UTC" (a whole day as its date).</summary>
    public static string Describe(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return utc.AddTicks(TimeSpan.TicksPerMicrosecond).TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString(utc.Second == 0 && utc.Millisecond == 0 ? "yyyy-MM-dd HH:mm 'UTC'" : "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
    }

    /// <summary>The moment as the address carries it: the date alone for a whole day, else ISO 8601 in UTC.</summary>
    public static string Format(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return utc.AddTicks(TimeSpan.TicksPerMicrosecond).TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    private static string Shown(string text) => $"'{InputRules.Shown(text)}'";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DateTime();
}

namespace BurdenShift.Core.Domain;

/// <summary>
/// A date as precisely as a source gave it: <c>2024</c>, <c>2024-05</c>, <c>2026-Q2</c>,
/// <c>2026-H1</c> or <c>2024-03-15</c>. <see cref="Date"/> is the last day of the period, so a
/// figure "of May 2024" only counts from the end of May when a past date is replayed.
/// </summary>
public readonly record struct PartialDate(DateOnly Date, DatePrecision Precision)
{
    public static PartialDate Parse(string text)
    {
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new FormatException(
            $"'{text}' is not a date: use YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY.");
    }

    public static bool TryParse(string? text, out PartialDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
        {
            value = new PartialDate(day, DatePrecision.Day);
            return true;
        }

        if (s.Length < 4 || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out var year) || year < 1900)
        {
            return false;
        }

        if (s.Length == 4)
        {
            value = new PartialDate(new DateOnly(year, 12, 31), DatePrecision.Year);
            return true;
        }

        if (s.Length != 7 || s[4] != '-')
        {
            return false;
        }

        var tail = s.AsSpan(5);
        if (tail[0] is 'Q' or 'q' && tail[1] is >= '1' and <= '4')
        {
            var month = (tail[1] - '0') * 3;
            value = new PartialDate(EndOfMonth(year, month), DatePrecision.Quarter);
            return true;
        }

        if (tail[0] is 'H' or 'h' && tail[1] is '1' or '2')
        {
            var month = (tail[1] - '0') * 6;
            value = new PartialDate(EndOfMonth(year, month), DatePrecision.Half);
            return true;
        }

        if (int.TryParse(tail, NumberStyles.None, inv, out var m) && m is >= 1 and <= 12)
        {
            value = new PartialDate(EndOfMonth(year, m), DatePrecision.Month);
            return true;
        }

        return false;
    }

    /// <summary>The date as the source gave it, for display.</summary>
    public override string ToString() => Format(Date, Precision);

    public static string Format(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Half => $"{date.Year}-H{(date.Month + 5) / 6}",
        DatePrecision.Quarter => $"{date.Year}-Q{(date.Month + 2) / 3}",
        DatePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static DateOnly EndOfMonth(int year, int month) =>
        new(year, month, DateTime.DaysInMonth(year, month));
}

namespace BurdenShift.Core.Inputs;

/// <summary>
/// The one domain of typed input: how a date, a number, a text or a URL that a person or a file
/// supplies is parsed and checked before anything reaches the database. The CSV/XLSX import, the
/// edit forms, the CLI and the API's query parameters all call these, so they refuse the same
/// things in the same words. Messages name no field: callers put the field (or column) first.
/// </summary>
public static class InputRules
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The earliest date any input may carry (as-of, figure, milestone, deadline).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>The latest date any input may carry.</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>Numbers stay below this magnitude: the widest numeric column holds 18 digits before the point.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000_000m;

    public static string DateRange => $"{EarliestDate.ToString(DateFormat, CultureInfo.InvariantCulture)}..{LatestDate.ToString(DateFormat, CultureInfo.InvariantCulture)}";

    /// <summary>A date written YYYY-MM-DD within <see cref="EarliestDate"/>..<see cref="LatestDate"/>.</summary>
    public static bool TryDate(string? text, out DateOnly date, out string problem)
    {
        problem = "";
        text = text?.Trim() ?? "";
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problem = text.Length == 0 ? "is empty" : $"'{Shown(text)}' is not a date written YYYY-MM-DD";
            return false;
        }

        if (RangeProblem(date) is { } range)
        {
            problem = range;
            return false;
        }

        return true;
    }

    /// <summary>Why a date is outside the domain, or null.</summary>
    public static string? RangeProblem(DateOnly date) =>
        date < EarliestDate || date > LatestDate
            ? $"{date.ToString(DateFormat, CultureInfo.InvariantCulture)} is outside {DateRange}"
            : null;

    /// <summary>
    /// A decimal written with a dot and no thousands separators, at most <paramref name="maxDecimals"/>
    /// decimal places (trailing zeros aside), within min..max and below <see cref="MaxMagnitude"/>.
    /// </summary>
    public static bool TryNumber(string? text, int maxDecimals, decimal? min, decimal? max, out decimal value, out string problem)
    {
        problem = "";
        text = text?.Trim() ?? "";
        if (text.Length > 60 || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            value = 0m;
            problem = text.Length == 0 ? "is empty" : $"'{Shown(text)}' is not a number (use a dot for decimals, no thousands separators)";
            return false;
        }

        if (Math.Abs(value) >= MaxMagnitude)
        {
            problem = $"{text} is too large";
            return false;
        }

        if ((min is { } lo && value < lo) || (max is { } hi && value > hi))
        {
            problem = $"{text} is outside {min?.ToString(CultureInfo.InvariantCulture)}..{max?.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        if (value.Scale > maxDecimals && value != Math.Round(value, maxDecimals))
        {
            problem = $"{text} has more than {maxDecimals} decimal places";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Why a text may not be stored, or null: longer than its column, or holding a control
    /// character (NUL and the like; tab and line breaks only where <paramref name="multiline"/>),
    /// or a broken UTF-16 surrogate (which PostgreSQL's UTF-8 cannot take).
    /// </summary>
    public static string? TextProblem(string text, int maxLength, bool multiline)
    {
        if (text.Length > maxLength)
        {
            return $"is longer than {maxLength} characters (this is {text.Length})";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"holds a broken character at position {i + 1}";
            }

            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return $"holds the control character U+{(int)c:X4} at position {i + 1}" + (multiline ? "" : " (it must be one line)");
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a key from an address or a form (an area, an indicator, a source) can name a row at
    /// all; one that cannot is "not found" without asking the database (PostgreSQL refuses NUL).
    /// </summary>
    public static bool IsPlausibleKey(string? key) =>
        !string.IsNullOrEmpty(key) && TextProblem(key, ColumnLimits.IndicatorKey, multiline: false) is null;

    /// <summary>Whether a stored URL may be shown as a link: an absolute http or https address.</summary>
    public static bool IsWebUrl(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>Why a source URL may not be stored, or null: too long, or not an http(s) address.</summary>
    public static string? UrlProblem(string url) =>
        url.Length > ColumnLimits.SourceUrl
            ? $"is longer than {ColumnLimits.SourceUrl} characters (this is {url.Length})"
            : IsWebUrl(url) ? null : $"'{Shown(url)}' is not a web address: give one that starts with https:// or http://";

    /// <summary>
    /// Who a write is attributed to, made to fit the EnteredBy column: control characters become
    /// '?', and a long name (a CLI file name, an e-mail) is cut with an ellipsis rather than refused.
    /// </summary>
    public static string Attribution(string by)
    {
        var clean = new string([.. by.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return clean.Length <= ColumnLimits.EnteredBy ? clean : clean[..(ColumnLimits.EnteredBy - 1)] + "…";
    }

    /// <summary>Input echoed in a message: at most 60 characters, control characters made visible.</summary>
    public static string Shown(string text)
    {
        var cut = text.Length > 60 ? text[..60] + "…" : text;
        return new string([.. cut.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
    }
}

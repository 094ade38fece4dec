namespace BurdenShift.Core.Domain;

/// <summary>
/// The one parser of the typed values figures are made of (dates, shares, indicator values,
/// percentages, confidence grades), used by the edit forms and by imports, so a text is read the
/// same way wherever it is typed. Each value is trimmed; an empty text is "not given" (the caller
/// decides whether that is allowed); a problem names no field. The form (Editing/FormValues) and
/// the import (Imports/ImportFileParser) only phrase the problems their own way.
/// </summary>
public static class TypedValues
{
    /// <summary>A date written YYYY-MM-DD within the input domain's range.</summary>
    public static Typed<DateOnly> Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Missing<DateOnly>();
        }

        return InputRules.TryDate(text, out var date, out var problem) ? Good(date) : Refused<DateOnly>(problem);
    }

    /// <summary>A plain decimal with at most <paramref name="decimals"/> places, within min..max.</summary>
    public static Typed<decimal> Number(string? text, int decimals, decimal? min = null, decimal? max = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Missing<decimal>();
        }

        return InputRules.TryNumber(text, decimals, min, max, out var value, out var problem) ? Good(value) : Refused<decimal>(problem);
    }

    /// <summary>A share in per cent as stored (four decimals); its range is checked with the other share (<see cref="FigureRules.ShareProblems"/>).</summary>
    public static Typed<decimal> Share(string? text) => Number(text, FigureRules.ShareDecimals);

    /// <summary>An indicator's value, in its unit (six decimals, any sign).</summary>
    public static Typed<decimal> Value(string? text) => Number(text, FigureRules.ValueDecimals);

    /// <summary>A percentage to reach, 0..100 (a target's value, six decimals).</summary>
    public static Typed<decimal> Percent(string? text) => Number(text, FigureRules.ValueDecimals, 0m, 100m);

    /// <summary>An area's weight in the handover index, 0..100 (four decimals).</summary>
    public static Typed<decimal> Weight(string? text) => Number(text, FigureRules.ShareDecimals, 0m, 100m);

    /// <summary>A confidence grade: high, medium or low, in any case.</summary>
    public static Typed<Confidence> Confidence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Missing<Confidence>();
        }

        return WireNames.TryParseConfidence(text, out var value) ? Good(value)
            : Refused<Confidence>($"'{InputRules.Shown(text.Trim())}' must be high, medium or low");
    }

    private static Typed<T> Missing<T>()
        where T : struct => new(default, "is empty", Given: false);

    private static Typed<T> Good<T>(T value)
        where T : struct => new(value, null, Given: true);

    private static Typed<T> Refused<T>(string problem)
        where T : struct => new(default, problem, Given: true);
}

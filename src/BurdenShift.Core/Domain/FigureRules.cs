namespace BurdenShift.Core.Domain;

/// <summary>
/// The rules a figure must meet before it is written, shared by the CSV import and the editing
/// forms so both refuse the same things with the same words (the database refuses them again).
/// Dates, numbers and texts as such are checked by <see cref="InputRules"/>.
/// </summary>
public static class FigureRules
{
    public static DateOnly EarliestDate => InputRules.EarliestDate;

    public static DateOnly LatestDate => InputRules.LatestDate;

    /// <summary>Shares are stored with four decimal places (numeric(7,4)).</summary>
    public const int ShareDecimals = 4;

    /// <summary>Indicator values and targets are stored with six decimal places.</summary>
    public const int ValueDecimals = 6;

    public static string? DateProblem(string field, DateOnly date) =>
        InputRules.RangeProblem(date) is { } problem ? $"{field} {problem}" : null;

    /// <summary>Problems with a pair of shares, keyed by the field they belong to.</summary>
    public static IEnumerable<(string Field, string Message)> ShareProblems(string europeField, decimal? europe, string usField, decimal? us)
    {
        if (europe is < 0m or > 100m)
        {
            yield return (europeField, $"{europeField} {europe} is outside 0..100");
        }

        if (us is < 0m or > 100m)
        {
            yield return (usField, $"{usField} {us} is outside 0..100");
        }

        if (europe is null && us is null)
        {
            yield return (europeField, $"{europeField} and {usField} are both empty: give at least one");
        }
        else if (europe + us > 100m)
        {
            yield return (usField, $"{europeField} + {usField} = {europe + us}, more than 100");
        }
    }

    /// <summary>
    /// Problems with the range around one value (docs/methodology.md, "Ranges"), keyed by the
    /// field they belong to: a bound without its value, a share's bound outside 0..100, a bound
    /// on the wrong side of the value (<c>low &lt;= value &lt;= high</c>).
    /// </summary>
    public static IEnumerable<(string Field, string Message)> RangeProblems(
        string valueField, decimal? value, string lowField, decimal? low, string highField, decimal? high, bool share)
    {
        if (value is null)
        {
            foreach (var (field, bound) in new[] { (lowField, low), (highField, high) })
            {
                if (bound is not null)
                {
                    yield return (field, $"{field} is given but {valueField} is empty: a range needs its value");
                }
            }

            yield break;
        }

        foreach (var (field, bound) in new[] { (lowField, low), (highField, high) })
        {
            if (share && bound is < 0m or > 100m)
            {
                yield return (field, $"{field} {bound} is outside 0..100");
            }
        }

        if (low > value)
        {
            yield return (lowField, $"{lowField} {low} is above {valueField} {value}: the low bound must be at most the value");
        }

        if (high < value)
        {
            yield return (highField, $"{highField} {high} is below {valueField} {value}: the high bound must be at least the value");
        }
    }
}

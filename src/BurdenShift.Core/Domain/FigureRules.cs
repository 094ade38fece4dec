using BurdenShift.Core.Inputs;

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
}

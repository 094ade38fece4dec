namespace BurdenShift.Core.Domain;

/// <summary>
/// The rules a figure must meet before it is written, shared by the CSV import and the editing
/// forms so both refuse the same things with the same words (the database refuses them again).
/// </summary>
public static class FigureRules
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static string? DateProblem(string field, DateOnly date) =>
        date < EarliestDate || date > LatestDate
            ? $"{field} {date:yyyy-MM-dd} is outside {EarliestDate:yyyy-MM-dd}..{LatestDate:yyyy-MM-dd}"
            : null;

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

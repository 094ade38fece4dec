namespace BurdenShift.Core.Inputs;

/// <summary>
/// The <c>asOf</c> parameter every page, API endpoint and export takes: the date the dashboard is
/// computed for, written YYYY-MM-DD, today (UTC) when absent. Pages show today and say why when the
/// value is not a date; the API and exports answer 400. The coming <c>knownAt</c> joins it here.
/// </summary>
public static class AsOfQuery
{
    public const string Name = "asOf";

    /// <summary>The date <paramref name="text"/> names, or today with the reason it is not a date.</summary>
    public static AsOfReading Read(string? text, DateOnly today)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new AsOfReading(today, Given: false, Problem: null);
        }

        return InputRules.TryDate(text, out var date, out var why)
            ? new AsOfReading(date, Given: true, Problem: null)
            : new AsOfReading(today, Given: true, Problem: why);
    }

    /// <summary>The API's detail for a value that is not a date; <paramref name="why"/> is <see cref="AsOfReading.Problem"/>.</summary>
    public static string ApiDetail(string why) =>
        $"asOf must be a date written YYYY-MM-DD within {InputRules.DateRange}, for example 2026-06-30; it {why}.";
}

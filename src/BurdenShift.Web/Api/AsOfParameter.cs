using BurdenShift.Core.Inputs;

namespace BurdenShift.Web.Api;

/// <summary>The <c>asOf</c> query parameter shared by every read and export endpoint.</summary>
internal static class AsOfParameter
{
    /// <summary>Parses <c>YYYY-MM-DD</c>; no value means today (UTC).</summary>
    public static bool TryRead(string? text, TimeProvider time, out DateOnly asOf, out IResult? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            return true;
        }

        if (InputRules.TryDate(text, out asOf, out var why))
        {
            return true;
        }

        // The range matters as much as the format: charts and the change report compute dates
        // around asOf, which past year 9999 or before year 1 would throw.
        problem = TypedResults.Problem(
            title: "Invalid asOf",
            detail: $"asOf must be a date written YYYY-MM-DD within {InputRules.DateRange}, for example 2026-06-30; it {why}.",
            statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}

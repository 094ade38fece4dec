using System.Globalization;

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

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return true;
        }

        problem = TypedResults.Problem(
            title: "Invalid asOf",
            detail: $"asOf must be a date written YYYY-MM-DD, for example 2026-06-30; '{text}' is not.",
            statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}

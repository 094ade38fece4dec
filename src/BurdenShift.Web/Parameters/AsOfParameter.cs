namespace BurdenShift.Web.Parameters;

/// <summary>The <c>asOf</c> query parameter of the read API and the exports, read by <see cref="AsOfQuery"/>.</summary>
internal static class AsOfParameter
{
    /// <summary>Parses <c>YYYY-MM-DD</c>; no value means today (UTC); anything else is a 400 problem.</summary>
    public static bool TryRead(string? text, TimeProvider time, out DateOnly asOf, out IResult? problem)
    {
        var reading = AsOfQuery.Read(text, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        asOf = reading.Date;
        // The range matters as much as the format: charts and the change report compute dates
        // around asOf, which past year 9999 or before year 1 would throw.
        problem = reading.Problem is { } why
            ? TypedResults.Problem(title: "Invalid asOf", detail: AsOfQuery.ApiDetail(why), statusCode: StatusCodes.Status400BadRequest)
            : null;
        return reading.IsValid;
    }
}

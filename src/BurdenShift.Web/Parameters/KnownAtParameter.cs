namespace BurdenShift.Web.Parameters;

/// <summary>The <c>knownAt</c> query parameter of the read API and the exports, read by <see cref="KnownAtQuery"/>.</summary>
internal static class KnownAtParameter
{
    /// <summary>A date or a UTC date and time not later than now; no value means the latest record; anything else is a 400 problem.</summary>
    public static bool TryRead(string? text, TimeProvider time, out DateTimeOffset? knownAt, out IResult? problem)
    {
        var reading = KnownAtQuery.Read(text, time.GetUtcNow());
        knownAt = reading.Moment;
        problem = reading.Problem is { } why
            ? TypedResults.Problem(title: "Invalid knownAt", detail: KnownAtQuery.ApiDetail(why), statusCode: StatusCodes.Status400BadRequest)
            : null;
        return reading.IsValid;
    }
}

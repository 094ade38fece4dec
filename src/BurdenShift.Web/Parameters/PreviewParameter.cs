using BurdenShift.Web.Live;

namespace BurdenShift.Web.Parameters;

/// <summary>
/// <c>preview=drafts</c> on the read API and the data exports (docs/decisions/0021): an endpoint
/// filter checks it before the endpoint runs (403 problem for anyone but an editor or admin, 400
/// for another value or with knownAt) and marks the request; endpoints then read their figures
/// through <see cref="For"/>. Such answers are never stored: the output cache and the ETags skip
/// any request that names a preview, and the answer says <c>Cache-Control: no-store</c>.
/// </summary>
internal static class PreviewParameter
{
    /// <summary>The filter of the groups whose answers can be previewed.</summary>
    public static async ValueTask<object?> Allow(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var text = http.Request.Query[DraftPreviewQuery.Name].ToString();
        if (text.Length == 0)
        {
            return await next(context);
        }

        if (Refusal(http, text) is { } refused)
        {
            return refused;
        }

        var queue = http.RequestServices.GetRequiredService<ReviewQueue>();
        http.Features.Set(new DraftPreviewFeature(await queue.GetPendingIdsAsync(http.RequestAborted)));
        http.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }

    /// <summary>The filter of the groups that cannot show drafts (charts, packs, streamed histories): a preview is refused, never silently ignored.</summary>
    public static async ValueTask<object?> Refuse(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var text = http.Request.Query[DraftPreviewQuery.Name].ToString();
        if (text.Length == 0)
        {
            return await next(context);
        }

        return (IResult?)Refusal(http, text) ?? Unavailable("charts and briefing packs");
    }

    /// <summary>A 400 problem: this answer cannot apply drafts (<paramref name="what"/> read the published record only).</summary>
    public static IResult Unavailable(string what) => TypedResults.Problem(title: "Preview not available",
        detail: $"preview=drafts is not available for {what}: they show the published record only. Download the tables of the overview or the area, which can be previewed, or publish the drafts first.",
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The figures the request asked for: with the pending drafts applied when the filter allowed a preview, else as published at <paramref name="knownAt"/>.</summary>
    public static DashboardCache For(this DashboardCache dashboard, HttpContext http, DateTimeOffset? knownAt) =>
        http.Features.Get<DraftPreviewFeature>() is { } preview
            ? dashboard.WithDrafts(http.RequestServices.GetRequiredService<ReviewQueue>(), preview.Drafts)
            : dashboard.At(knownAt);

    /// <summary>The drafts applied to this request's figures, or null.</summary>
    public static PendingDrafts? Drafts(HttpContext http) => http.Features.Get<DraftPreviewFeature>()?.Drafts;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refusal(HttpContext http, string text)
    {
        // A knownAt the endpoint will refuse anyway counts as given.
        var knownAt = http.Request.Query[KnownAtQuery.Name].ToString();
        DateTimeOffset? known = knownAt.Length == 0 ? null : KnownAtQuery.Read(knownAt, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()).Moment
            ?? DateTimeOffset.MinValue;
        var reading = DraftPreviewQuery.Read(text, known, http.User);
        return reading.Problem is { } problem
            ? TypedResults.Problem(title: reading.Forbidden ? "Preview not allowed" : "Invalid preview", detail: char.ToUpperInvariant(problem[0]) + problem[1..],
                statusCode: reading.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest)
            : null;
    }

    private sealed record DraftPreviewFeature(PendingDrafts Drafts);
}

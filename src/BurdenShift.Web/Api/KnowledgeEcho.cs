using System.Text.Json;
using System.Text.Json.Nodes;
using BurdenShift.Web.Live;
using BurdenShift.Web.Parameters;

namespace BurdenShift.Web.Api;

/// <summary>
/// Every read API answer says which record it reflects, so a saved JSON answer can be read and
/// asked again (docs/methodology.md, "Knowledge time"): <c>asOf</c>, and <c>knownAt</c> = the
/// moment asked for, or for the latest record the moment of its latest published change (asking
/// again with it gives the same figures). An editor's preview adds <c>preview</c>, saying the
/// figures include unpublished drafts. A list's entries each carry the fields, so the list
/// stays a list.
/// </summary>
internal static class KnowledgeEcho
{
    public static async Task<JsonNode> StampAsync(JsonNode body, DateOnly asOf, DateTimeOffset? knownAt, HttpContext http, DashboardCache dashboard, CancellationToken ct)
    {
        var moment = await dashboard.For(http, knownAt).GetKnownAtAsync(http.RequestServices.GetRequiredService<LatestPublication>(), ct);
        var drafts = PreviewParameter.Drafts(http);
        foreach (var entry in body is JsonArray list ? list.OfType<JsonObject>() : body is JsonObject single ? [single] : [])
        {
            entry["asOf"] = Formats.Date(asOf);
            entry["knownAt"] = KnownAtQuery.Format(moment);
            if (drafts is not null)
            {
                entry["preview"] = $"{drafts.Count} pending draft(s) applied - not published";
            }
        }

        return body;
    }

    /// <summary>The value as JSON, stamped.</summary>
    public static async Task<IResult> JsonAsync<T>(T value, DateOnly asOf, DateTimeOffset? knownAt, HttpContext http, DashboardCache dashboard, CancellationToken ct)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToNode(value, options)!;
        return Results.Json(await StampAsync(body, asOf, knownAt, http, dashboard, ct), options);
    }
}

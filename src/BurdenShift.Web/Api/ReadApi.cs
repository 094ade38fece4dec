using System.Text.Json;
using System.Text.Json.Nodes;
using BurdenShift.Web.Live;
using BurdenShift.Web.Parameters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace BurdenShift.Web.Api;

/// <summary>
/// The read API: every figure the dashboard shows, computed by the engine for an as-of date,
/// with its source and confidence. Numbers are unrounded; dates are YYYY-MM-DD.
/// </summary>
internal static class ReadApi
{
    public static IEndpointRouteBuilder MapReadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Read").AddEndpointFilter(PreviewParameter.Allow);

        MapDated(api, "/areas", (dashboard, date, ct) => dashboard.GetAreasAsync(date, ct))
            .WithSummary("Every capability area with its latest shares and its distance to each target");

        api.MapGet("/areas/{key}", async (string key, HttpContext http, DashboardCache dashboard, TimeProvider time,
                IOptions<JsonOptions> json, [FromQuery] string? asOf, [FromQuery] string? knownAt, CancellationToken ct) =>
            {
                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                    || !KnownAtParameter.TryRead(knownAt, time, out var known, out problem))
                {
                    return problem!;
                }

                if (await dashboard.For(http, known).GetAreaAsync(key, date, ct) is not { } area)
                {
                    return UnknownArea(key);
                }

                // The newest rows only; the links lead to the pages of the rest (docs/decisions/0012).
                var links = new JsonObject
                {
                    ["assessments"] = PageLink($"/api/areas/{Uri.EscapeDataString(area.Key)}/assessments", date, known, 1),
                    ["observations"] = new JsonObject(area.Indicators.Select(i => KeyValuePair.Create(i.Key,
                        (JsonNode?)PageLink($"/api/indicators/{Uri.EscapeDataString(i.Key)}/observations", date, known, 1)))),
                    ["csv"] = $"/api/export/data/areas/{Uri.EscapeDataString(area.Key)}.csv?asOf={Iso(date)}{Knowing(known)}",
                    ["xlsx"] = $"/api/export/data/areas/{Uri.EscapeDataString(area.Key)}.xlsx?asOf={Iso(date)}{Knowing(known)}",
                };
                var body = JsonSerializer.SerializeToNode(area, json.Value.SerializerOptions)!.AsObject();
                body["links"] = links;
                http.Response.Headers.Append("Link", $"<{links["assessments"]}>; rel=\"assessments\"");
                return Results.Json(await KnowledgeEcho.StampAsync(body, date, known, http, dashboard, ct), json.Value.SerializerOptions);
            })
            .WithSummary($"One area with its figures, its newest {HistoryReads.LatestRows} assessments and observations, milestones, the sources cited and links to the pages of the rest")
            .Produces<AreaDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapRowPages(api, "areas", "assessments", "area", "capability area", (d, key, date, page, size, ct) => d.GetAssessmentPageAsync(key, date, page, size, ct))
            .WithSummary("A page of an area's assessments, newest first (page from 1, pageSize 1 to 500, default 100)");

        MapRowPages(api, "indicators", "observations", "indicator", "indicator", (d, key, date, page, size, ct) => d.GetObservationPageAsync(key, date, page, size, ct))
            .WithSummary("A page of an indicator's observations, newest first (page from 1, pageSize 1 to 500, default 100)");

        MapDated(api, "/indicators", (dashboard, date, ct) => dashboard.GetIndicatorsAsync(date, ct))
            .WithSummary("Every indicator with its latest value and its distance to each of its targets");

        MapDated(api, "/index", (dashboard, date, ct) => dashboard.GetIndexAsync(date, ct))
            .WithSummary("The overall handover index against each standard target");

        api.MapGet("/areas/{key}/scenario", (string key, HttpContext http, DashboardCache dashboard, TimeProvider time,
                [FromQuery] string? asOf, [FromQuery] string? knownAt, [FromQuery] string? pace, CancellationToken ct) =>
                ScenarioAsync(http, dashboard, asOf, knownAt, pace, time, "capability area", key, async (date, known, p) =>
                    await dashboard.For(http, known).GetAreaAsync(key, date, ct) is { } area
                        ? new ScenarioResult(area.Key, area.Name, "%", date, area.Illustrative, p, area.TrendPerYear,
                            Scenarios.Apply(area.Snapshot, area.Targets, p))
                        : null))
            .WithSummary("An area's targets if Europe's share moved at the given pace (points per year) instead of its fitted trend")
            .Produces<ScenarioResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/indicators/{key}/scenario", (string key, HttpContext http, DashboardCache dashboard, TimeProvider time,
                [FromQuery] string? asOf, [FromQuery] string? knownAt, [FromQuery] string? pace, CancellationToken ct) =>
                ScenarioAsync(http, dashboard, asOf, knownAt, pace, time, "indicator", key, async (date, known, p) =>
                    (await dashboard.For(http, known).GetIndicatorsAsync(date, ct)).FirstOrDefault(i => i.Key == key) is { } indicator
                        ? new ScenarioResult(indicator.Key, indicator.Name, indicator.Unit, date, indicator.Illustrative, p,
                            indicator.TrendPerYear, Scenarios.Apply(indicator.Snapshot, indicator.Targets, p))
                        : null))
            .WithSummary("An indicator's targets if it moved at the given pace (its units per year) instead of its fitted trend")
            .Produces<ScenarioResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>Reads asOf, knownAt and pace (a 400 problem for any), then the scenario, or a 404 naming the unknown key.</summary>
    private static async Task<IResult> ScenarioAsync(HttpContext http, DashboardCache dashboard, string? asOf, string? knownAt, string? pace, TimeProvider time, string what, string key,
        Func<DateOnly, DateTimeOffset?, decimal, Task<ScenarioResult?>> compute)
    {
        if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem)
            || !KnownAtParameter.TryRead(knownAt, time, out var known, out problem))
        {
            return problem!;
        }

        if (!Scenarios.TryReadPace(pace, out var p, out var why))
        {
            return Results.Problem(
                title: "Invalid pace",
                detail: $"pace must be a number of points (or the indicator's units) per year, with a dot for decimals, for example 2.5 or -1; it {why}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await compute(date, known, p) is { } result
            ? await KnowledgeEcho.JsonAsync(result, date, known, http, dashboard, http.RequestAborted)
            : Unknown(what, what, key);
    }

    /// <summary>A list of the read model at <c>asOf</c> (and <c>knownAt</c>): the areas, the indicators, the index.</summary>
    private static RouteHandlerBuilder MapDated<T>(RouteGroupBuilder api, string pattern, Func<DashboardCache, DateOnly, CancellationToken, Task<IReadOnlyList<T>>> read) =>
        api.MapGet(pattern, async (HttpContext http, DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, [FromQuery] string? knownAt, CancellationToken ct) =>
                AsOfParameter.TryRead(asOf, time, out var date, out var problem) && KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                    ? await KnowledgeEcho.JsonAsync(await read(dashboard.For(http, known), date, ct), date, known, http, dashboard, ct)
                    : problem!)
            .Produces<IReadOnlyList<T>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static IResult UnknownArea(string key) => Unknown("area", "capability area", key);

    private static IResult Unknown(string title, string what, string key) =>
        Results.Problem(title: $"Unknown {title}", detail: $"There is no {what} with the key '{key}'.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>
    /// <c>/api/{series}/{key}/{rows}</c>: a page of a series' rows, newest first, with links to the
    /// other pages; the assessments of an area and the observations of an indicator differ only in
    /// what they read.
    /// </summary>
    private static RouteHandlerBuilder MapRowPages<T>(RouteGroupBuilder api, string series, string rowsName, string title, string what,
        Func<DashboardCache, string, DateOnly, int, int, CancellationToken, Task<RowPage<T>?>> read) =>
        api.MapGet($"/{series}/{{key}}/{rowsName}", async (string key, HttpContext http, DashboardCache dashboard, TimeProvider time,
                IOptions<JsonOptions> json, [FromQuery] string? asOf, [FromQuery] string? knownAt, [FromQuery] string? page, [FromQuery] string? pageSize,
                CancellationToken ct) =>
            {
                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                    || !KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                    || !PagingParameters.TryRead(page, pageSize, out var number, out var size, out problem))
                {
                    return problem!;
                }

                return await read(dashboard.For(http, known), key, date, number, size, ct) is { } rows
                    ? await PageAnswerAsync(http, dashboard, rows, $"/api/{series}/{Uri.EscapeDataString(key)}/{rowsName}", date, known, json.Value)
                    : Unknown(title, what, key);
            })
            .Produces<RowPage<T>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static string Iso(DateOnly date) => Formats.Date(date);

    // Links keep the knowledge time they were read at, so following them stays in the same record.
    private static string Knowing(DateTimeOffset? knownAt) =>
        knownAt is { } k ? $"&{KnownAtQuery.Name}={Uri.EscapeDataString(KnownAtQuery.Format(k))}" : "";

    private static string PageLink(string path, DateOnly asOf, DateTimeOffset? knownAt, int page, int pageSize = PagingParameters.DefaultPageSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?asOf={Iso(asOf)}{Knowing(knownAt)}&page={page}&pageSize={pageSize}");

    /// <summary>The page with links to its neighbours, the first and the last page.</summary>
    private static async Task<IResult> PageAnswerAsync<T>(HttpContext http, DashboardCache dashboard,
        RowPage<T> rows, string path, DateOnly asOf, DateTimeOffset? knownAt, JsonOptions json)
    {
        var body = JsonSerializer.SerializeToNode(rows, json.SerializerOptions)!.AsObject();
        body["links"] = new JsonObject
        {
            ["first"] = PageLink(path, asOf, knownAt, 1, rows.PageSize),
            ["prev"] = rows.Page > 1 ? PageLink(path, asOf, knownAt, Math.Min(rows.Page - 1, rows.Pages), rows.PageSize) : null,
            ["next"] = rows.Page < rows.Pages ? PageLink(path, asOf, knownAt, rows.Page + 1, rows.PageSize) : null,
            ["last"] = PageLink(path, asOf, knownAt, rows.Pages, rows.PageSize),
        };
        return Results.Json(await KnowledgeEcho.StampAsync(body, asOf, knownAt, http, dashboard, http.RequestAborted), json.SerializerOptions);
    }
}

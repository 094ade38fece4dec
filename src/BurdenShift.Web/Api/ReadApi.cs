using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Formatting;
using BurdenShift.Core.Inputs;
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

        api.MapGet("/areas", async (HttpContext http, DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, [FromQuery] string? knownAt, CancellationToken ct) =>
            AsOfParameter.TryRead(asOf, time, out var date, out var problem) && KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                ? await KnowledgeEcho.JsonAsync(await dashboard.For(http, known).GetAreasAsync(date, ct), date, known, http, dashboard, ct)
                : problem!)
            .WithSummary("Every capability area with its latest shares and its distance to each target")
            .Produces<IReadOnlyList<AreaSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

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

        api.MapGet("/areas/{key}/assessments", async (string key, HttpContext http, DashboardCache dashboard, TimeProvider time,
                IOptions<JsonOptions> json, [FromQuery] string? asOf, [FromQuery] string? knownAt, [FromQuery] string? page, [FromQuery] string? pageSize,
                CancellationToken ct) =>
            {
                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                    || !KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                    || !PagingParameters.TryRead(page, pageSize, out var number, out var size, out problem))
                {
                    return problem!;
                }

                return await dashboard.For(http, known).GetAssessmentPageAsync(key, date, number, size, ct) is { } rows
                    ? await PageAnswerAsync(http, dashboard, rows, $"/api/areas/{Uri.EscapeDataString(key)}/assessments", date, known, json.Value)
                    : UnknownArea(key);
            })
            .WithSummary("A page of an area's assessments, newest first (page from 1, pageSize 1 to 500, default 100)")
            .Produces<RowPage<AssessmentRow>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/indicators/{key}/observations", async (string key, HttpContext http, DashboardCache dashboard, TimeProvider time,
                IOptions<JsonOptions> json, [FromQuery] string? asOf, [FromQuery] string? knownAt, [FromQuery] string? page, [FromQuery] string? pageSize,
                CancellationToken ct) =>
            {
                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                    || !KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                    || !PagingParameters.TryRead(page, pageSize, out var number, out var size, out problem))
                {
                    return problem!;
                }

                return await dashboard.For(http, known).GetObservationPageAsync(key, date, number, size, ct) is { } rows
                    ? await PageAnswerAsync(http, dashboard, rows, $"/api/indicators/{Uri.EscapeDataString(key)}/observations", date, known, json.Value)
                    : Results.Problem(title: "Unknown indicator", detail: $"There is no indicator with the key '{key}'.",
                        statusCode: StatusCodes.Status404NotFound);
            })
            .WithSummary("A page of an indicator's observations, newest first (page from 1, pageSize 1 to 500, default 100)")
            .Produces<RowPage<ObservationRow>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/indicators", async (HttpContext http, DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, [FromQuery] string? knownAt, CancellationToken ct) =>
            AsOfParameter.TryRead(asOf, time, out var date, out var problem) && KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                ? await KnowledgeEcho.JsonAsync(await dashboard.For(http, known).GetIndicatorsAsync(date, ct), date, known, http, dashboard, ct)
                : problem!)
            .WithSummary("Every indicator with its latest value and its distance to each of its targets")
            .Produces<IReadOnlyList<IndicatorSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/index", async (HttpContext http, DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, [FromQuery] string? knownAt, CancellationToken ct) =>
            AsOfParameter.TryRead(asOf, time, out var date, out var problem) && KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                ? await KnowledgeEcho.JsonAsync(await dashboard.For(http, known).GetIndexAsync(date, ct), date, known, http, dashboard, ct)
                : problem!)
            .WithSummary("The overall handover index against each standard target")
            .Produces<IReadOnlyList<IndexResult>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

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
            : Results.Problem(title: $"Unknown {what}", detail: $"There is no {what} with the key '{key}'.", statusCode: StatusCodes.Status404NotFound);
    }

    private static IResult UnknownArea(string key) =>
        Results.Problem(title: "Unknown area", detail: $"There is no capability area with the key '{key}'.",
            statusCode: StatusCodes.Status404NotFound);

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

using BurdenShift.Core.Dashboard;
using BurdenShift.Web.Live;
using BurdenShift.Web.Parameters;
using Microsoft.AspNetCore.Mvc;

namespace BurdenShift.Web.Api;

/// <summary>
/// The read API: every figure the dashboard shows, computed by the engine for an as-of date,
/// with its source and confidence. Numbers are unrounded; dates are YYYY-MM-DD.
/// </summary>
internal static class ReadApi
{
    public static IEndpointRouteBuilder MapReadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Read");

        api.MapGet("/areas", async (DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, CancellationToken ct) =>
            AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                ? Results.Ok(await dashboard.GetAreasAsync(date, ct))
                : problem!)
            .WithSummary("Every capability area with its latest shares and its distance to each target")
            .Produces<IReadOnlyList<AreaSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/areas/{key}", async (string key, DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, CancellationToken ct) =>
            {
                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem))
                {
                    return problem!;
                }

                return await dashboard.GetAreaAsync(key, date, ct) is { } area
                    ? Results.Ok(area)
                    : Results.Problem(title: "Unknown area", detail: $"There is no capability area with the key '{key}'.",
                        statusCode: StatusCodes.Status404NotFound);
            })
            .WithSummary("One area with its assessments, indicators and milestones")
            .Produces<AreaDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/indicators", async (DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, CancellationToken ct) =>
            AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                ? Results.Ok(await dashboard.GetIndicatorsAsync(date, ct))
                : problem!)
            .WithSummary("Every indicator with its latest value and its distance to each of its targets")
            .Produces<IReadOnlyList<IndicatorSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/index", async (DashboardCache dashboard, TimeProvider time, [FromQuery] string? asOf, CancellationToken ct) =>
            AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                ? Results.Ok(await dashboard.GetIndexAsync(date, ct))
                : problem!)
            .WithSummary("The overall handover index against each standard target")
            .Produces<IReadOnlyList<IndexResult>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/areas/{key}/scenario", async (string key, DashboardCache dashboard, TimeProvider time,
                [FromQuery] string? asOf, [FromQuery] string? pace, CancellationToken ct) =>
            {
                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem))
                {
                    return problem!;
                }

                if (!Scenarios.TryReadPace(pace, out var p, out var why))
                {
                    return PaceProblem(why);
                }

                return await dashboard.GetAreaAsync(key, date, ct) is { } area
                    ? Results.Ok(new ScenarioResult(area.Key, area.Name, "%", date, area.Illustrative, p, area.TrendPerYear,
                        Scenarios.Apply(area.Snapshot, area.Targets, p)))
                    : Results.Problem(title: "Unknown area", detail: $"There is no capability area with the key '{key}'.",
                        statusCode: StatusCodes.Status404NotFound);
            })
            .WithSummary("An area's targets if Europe's share moved at the given pace (points per year) instead of its fitted trend")
            .Produces<ScenarioResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/indicators/{key}/scenario", async (string key, DashboardCache dashboard, TimeProvider time,
                [FromQuery] string? asOf, [FromQuery] string? pace, CancellationToken ct) =>
            {
                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem))
                {
                    return problem!;
                }

                if (!Scenarios.TryReadPace(pace, out var p, out var why))
                {
                    return PaceProblem(why);
                }

                return (await dashboard.GetIndicatorsAsync(date, ct)).FirstOrDefault(i => i.Key == key) is { } indicator
                    ? Results.Ok(new ScenarioResult(indicator.Key, indicator.Name, indicator.Unit, date, indicator.Illustrative, p,
                        indicator.TrendPerYear, Scenarios.Apply(indicator.Snapshot, indicator.Targets, p)))
                    : Results.Problem(title: "Unknown indicator", detail: $"There is no indicator with the key '{key}'.",
                        statusCode: StatusCodes.Status404NotFound);
            })
            .WithSummary("An indicator's targets if it moved at the given pace (its units per year) instead of its fitted trend")
            .Produces<ScenarioResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static IResult PaceProblem(string why) => Results.Problem(
        title: "Invalid pace",
        detail: $"pace must be a number of points (or the indicator's units) per year, with a dot for decimals, for example 2.5 or -1; it {why}.",
        statusCode: StatusCodes.Status400BadRequest);
}

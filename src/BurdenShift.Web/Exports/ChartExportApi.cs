using BurdenShift.Web.Charts;
using BurdenShift.Web.Parameters;
using Microsoft.AspNetCore.Mvc;

namespace BurdenShift.Web.Exports;

/// <summary>
/// Charts rendered on the server, as PNG or SVG: <c>/api/export/chart/{area}.png|svg</c>,
/// <c>/api/export/chart/indicator/{key}.png|svg</c> and <c>/api/export/chart/index.png|svg</c>.
/// Every one takes <c>asOf</c>, <c>knownAt</c>, <c>targets</c>, <c>width</c>, <c>height</c> and (PNG) <c>scale</c>; area
/// and indicator charts also <c>pace</c>, which draws a scenario and labels it SCENARIO.
/// </summary>
internal static class ChartExportApi
{
    public static IEndpointRouteBuilder MapChartExportApi(this IEndpointRouteBuilder app)
    {
        var charts = app.MapGroup("/api/export/chart").WithTags("Export").RequireRateLimiting(ExportSetup.ChartLimit)
            .AddEndpointFilter(PreviewParameter.Refuse);

        // Literal paths, so that they win over the area route below (an area cannot be keyed "index").
        foreach (var extension in new[] { "png", "svg" })
        {
            charts.MapGet($"/index.{extension}", ([AsParameters] ChartQuery query, ExportCharts exports, TimeProvider time, CancellationToken ct) =>
                    Render(extension, query, time, "index", async (asOf, known, targets, _) => await exports.At(known).IndexAsync(asOf, targets, ct), scenarios: false))
                .WithSummary($"The overall handover index as a chart ({extension})")
                .ProducesProblem(StatusCodes.Status400BadRequest);
        }

        charts.MapGet("/indicator/{key}.{format}", (string key, string format, [AsParameters] ChartQuery query, ExportCharts exports, TimeProvider time, CancellationToken ct) =>
                Render(format, query, time, $"indicator-{key}", (asOf, known, targets, pace) => exports.At(known).IndicatorAsync(key, asOf, targets, pace, ct), $"indicator '{key}'"))
            .WithSummary("One indicator as a chart (png or svg)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        charts.MapGet("/{areaKey}.{format}", (string areaKey, string format, [AsParameters] ChartQuery query, ExportCharts exports, TimeProvider time, CancellationToken ct) =>
                Render(format, query, time, areaKey, (asOf, known, targets, pace) => exports.At(known).AreaAsync(areaKey, asOf, targets, pace, ct), $"capability area '{areaKey}'"))
            .WithSummary("One capability area's share history, targets and projections as a chart (png or svg)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> Render(string format, [AsParameters] ChartQuery query, TimeProvider time, string subject,
        Func<DateOnly, DateTimeOffset?, IReadOnlyList<string>, decimal?, Task<ChartModel?>> load, string? what = null, bool scenarios = true)
    {
        if (format is not ("png" or "svg"))
        {
            return ExportParameters.BadRequest("Unknown format", $"Charts are exported as .png or .svg, not .{format}.");
        }

        if (!AsOfParameter.TryRead(query.AsOf, time, out var asOf, out var problem)
            || !KnownAtParameter.TryRead(query.KnownAt, time, out var known, out problem)
            || !ExportParameters.TrySize("width", query.Width, ChartRenderer.DefaultWidth, out var width, out problem)
            || !ExportParameters.TrySize("height", query.Height, ChartRenderer.DefaultHeight, out var height, out problem)
            || !ExportParameters.TryScale(query.Scale, out var scale, out problem)
            || !ExportParameters.TryTargets(query.Targets, out var targets, out problem)
            || !ExportParameters.TryPace(query.Pace, out var pace, out problem))
        {
            return problem!;
        }

        if (pace is not null && !scenarios)
        {
            return ExportParameters.BadRequest("Invalid pace", "pace applies to area and indicator charts: the index has no scenario.");
        }

        if (format == "svg" && scale != 1)
        {
            return ExportParameters.BadRequest("Invalid scale", "scale applies to PNG only: an SVG scales without loss.");
        }

        if (await load(asOf, known, targets, pace) is not { } found)
        {
            return TypedResults.Problem(title: "Not found", detail: $"There is no {what}.", statusCode: StatusCodes.Status404NotFound);
        }

        var chart = found with { KnownAt = known };

        var name = ExportParameters.FileName(subject, asOf, format);
        return format == "png"
            ? TypedResults.File(ChartRenderer.Png(chart, width, height, scale), "image/png", name)
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ChartRenderer.Svg(chart, width, height)), "image/svg+xml", name);
    }

    /// <summary>The query string every chart export takes; read as text so a bad value gets a 400 with its reason.</summary>
    internal sealed class ChartQuery
    {
        [FromQuery(Name = "asOf")] public string? AsOf { get; init; }

        [FromQuery(Name = "knownAt")] public string? KnownAt { get; init; }

        [FromQuery(Name = "width")] public string? Width { get; init; }

        [FromQuery(Name = "height")] public string? Height { get; init; }

        [FromQuery(Name = "scale")] public string? Scale { get; init; }

        [FromQuery(Name = "targets")] public string? Targets { get; init; }

        [FromQuery(Name = "pace")] public string? Pace { get; init; }
    }
}

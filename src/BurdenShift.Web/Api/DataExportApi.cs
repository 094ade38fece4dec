using BurdenShift.Core.Exports;
using BurdenShift.Web.Live;
using BurdenShift.Web.Parameters;
using BurdenShift.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace BurdenShift.Web.Api;

/// <summary>
/// Data exports: the read API's tables as CSV (RFC 4180, UTF-8, CRLF) or XLSX (typed cells and a
/// "Sources" sheet), computed by <see cref="DashboardCache"/> exactly as the API computes them.
/// Every URL takes <c>asOf=YYYY-MM-DD</c> (default today) and <c>knownAt</c> (default the latest record); reading them needs what the read API
/// needs (<c>Auth:PublicRead</c>), and they are rate limited per client.
/// </summary>
internal static class DataExportApi
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    private static readonly string[] AreaTables = ["assessments", "targets", "observations", "milestones", "pairs"];

    public static IEndpointRouteBuilder MapDataExportApi(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export/data").WithTags("Export").RequireRateLimiting(RateLimits.DataExport)
            .AddEndpointFilter(PreviewParameter.Allow);

        MapTableExport(export, "areas", "capability areas", async (dashboard, date, ct) =>
            {
                var areas = await dashboard.GetAreasAsync(date, ct);
                return (DataExportTables.Areas(areas), areas.Any(a => a.Illustrative), DataExportTables.SourcesOf(areas));
            })
            .WithSummary("Every area and target as CSV or XLSX (format: csv or xlsx): the figures of GET /api/areas");

        export.MapGet("/areas/{key}.{format}", async (string key, string format, HttpContext http, DashboardCache dashboard, RowPages history,
                TimeProvider time, [FromQuery] string? asOf, [FromQuery] string? knownAt, [FromQuery] string? table, CancellationToken ct) =>
            {
                if (!TryRead(format, asOf, knownAt, time, out var date, out var known, out var problem))
                {
                    return problem!;
                }

                var tableName = string.IsNullOrEmpty(table) ? "assessments" : table.ToLowerInvariant();
                if (!AreaTables.Contains(tableName))
                {
                    return Results.Problem(title: "Invalid table",
                        detail: $"table must be one of {string.Join(", ", AreaTables)} (default assessments); '{table}' is not.",
                        statusCode: StatusCodes.Status400BadRequest);
                }

                if (PreviewParameter.Drafts(http) is not null && (tableName is "assessments" or "observations" || !IsCsv(format)))
                {
                    return PreviewParameter.Unavailable("an area's whole history (its assessments and observations are streamed from the published record)");
                }

                if (await dashboard.For(http, known).GetAreaAsync(key, date, ct) is not { } area)
                {
                    return Results.Problem(title: "Unknown area", detail: $"There is no capability area with the key '{key}'.",
                        statusCode: StatusCodes.Status404NotFound);
                }

                // The two history tables come straight from the database, row by row: the whole
                // history is downloadable without ever being held in memory (docs/decisions/0012).
                var indicators = area.Indicators.ToDictionary(i => i.Key, StringComparer.Ordinal);
                var tables = new Dictionary<string, Func<StreamedTable>>
                {
                    ["assessments"] = () => new StreamedTable("Assessments", DataExportTables.AssessmentColumns,
                        (known is { } k1 ? history.KnownAt(k1) : history).StreamAssessmentsAsync(area.Key, date, ct).Select(r => DataExportTables.AssessmentCells(area.Key, r))),
                    ["targets"] = () => StreamedTable.Of(DataExportTables.Targets(area)),
                    ["observations"] = () => new StreamedTable("Observations", DataExportTables.ObservationColumns,
                        (known is { } k2 ? history.KnownAt(k2) : history).StreamObservationsAsync(area.Key, date, ct)
                            .Where(r => indicators.ContainsKey(r.Indicator))
                            .Select(r => DataExportTables.ObservationCells(indicators[r.Indicator], r.Row))),
                    ["milestones"] = () => StreamedTable.Of(DataExportTables.Milestones(area)),
                    ["pairs"] = () => StreamedTable.Of(DataExportTables.Pairs(area)),
                };
                if (IsCsv(format))
                {
                    var csvName = tableName == "assessments" ? "" : "-" + tableName;
                    return Results.Stream(body => CsvExport.WriteAsync(body, tables[tableName](), ct), CsvContentType,
                        $"burdenshift-{area.Key}{csvName}-{Stamp(date, known, http)}.csv");
                }

                var workbook = new ExportWorkbook($"BurdenShift: {area.Name} as of {Stamp(date)}{Published(known, http)}", date, area.Illustrative,
                    [], [.. DataExportTables.SourcesOf(area)]);
                return Results.File(await XlsxFileAsync(workbook, [.. AreaTables.Select(t => tables[t]())], ct),
                    XlsxExport.ContentType, $"burdenshift-{area.Key}-{Stamp(date, known, http)}.xlsx");
            })
            .WithSummary("One area's data, its whole history: CSV holds one table (table: assessments, targets, observations, milestones or pairs); XLSX holds them all")
            .Produces(StatusCodes.Status200OK, contentType: CsvContentType, additionalContentTypes: [XlsxExport.ContentType])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapTableExport(export, "indicators", "indicators", async (dashboard, date, ct) =>
            {
                var indicators = await dashboard.GetIndicatorsAsync(date, ct);
                return (DataExportTables.Indicators(indicators), indicators.Any(i => i.Illustrative), DataExportTables.SourcesOf(indicators));
            })
            .WithSummary("Every indicator and target as CSV or XLSX: the figures of GET /api/indicators");

        MapTableExport(export, "index", "handover index", async (dashboard, date, ct) =>
            {
                var index = await dashboard.GetIndexAsync(date, ct);
                // The index cites the latest Europe shares of the areas it includes.
                var included = index.SelectMany(t => t.AreasIncluded).ToHashSet(StringComparer.Ordinal);
                var areas = (await dashboard.GetAreasAsync(date, ct)).Where(a => included.Contains(a.Key) && a.Latest is not null);
                return (DataExportTables.Index(index), index.Any(t => t.Illustrative), areas.Select(a => a.Latest!.Source));
            })
            .WithSummary("The overall handover index per target as CSV or XLSX: the figures of GET /api/index");

        return app;
    }

    /// <summary>
    /// <c>/api/export/data/{name}.{format}</c>: one table of the read API's figures at a date (the
    /// areas, the indicators, the index) as CSV, or as XLSX with the sources the table cites.
    /// </summary>
    private static RouteHandlerBuilder MapTableExport(RouteGroupBuilder export, string name, string title,
        Func<DashboardCache, DateOnly, CancellationToken, Task<(ExportTable Table, bool Illustrative, IEnumerable<SourceRef> Sources)>> build) =>
        export.MapGet($"/{name}.{{format}}", async (string format, HttpContext http, DashboardCache dashboard, TimeProvider time,
                [FromQuery] string? asOf, [FromQuery] string? knownAt, CancellationToken ct) =>
            {
                if (!TryRead(format, asOf, knownAt, time, out var date, out var known, out var problem))
                {
                    return problem!;
                }

                var (table, illustrative, sources) = await build(dashboard.For(http, known), date, ct);
                var file = $"burdenshift-{name}-{Stamp(date, known, http)}";
                return IsCsv(format)
                    ? Results.File(CsvExport.Write(table), CsvContentType, file + ".csv")
                    : Results.File(XlsxExport.Write(new ExportWorkbook($"BurdenShift {title} as of {Stamp(date)}{Published(known, http)}", date, illustrative,
                        [table], [.. sources])), XlsxExport.ContentType, file + ".xlsx");
            })
            .Produces(StatusCodes.Status200OK, contentType: CsvContentType, additionalContentTypes: [XlsxExport.ContentType])
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static bool IsCsv(string format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private static bool TryRead(string format, string? asOf, string? knownAt, TimeProvider time, out DateOnly date, out DateTimeOffset? known, out IResult? problem)
    {
        known = null;
        if (!IsCsv(format) && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            date = default;
            problem = Results.Problem(title: "Invalid format",
                detail: $"The data exports are .csv or .xlsx; '.{format}' is neither.",
                statusCode: StatusCodes.Status400BadRequest);
            return false;
        }

        return AsOfParameter.TryRead(asOf, time, out date, out problem) && KnownAtParameter.TryRead(knownAt, time, out known, out problem);
    }

    private static string Stamp(DateOnly date) => Formats.Date(date);

    // A file of figures as published at a past moment says so in its name and its title.
    // An editor's preview says so too: it is not the published record (docs/decisions/0021).
    private static string Stamp(DateOnly date, DateTimeOffset? known, HttpContext http) =>
        PreviewParameter.Drafts(http) is not null ? $"{Formats.Date(date)}-preview-drafts-not-published"
        : known is { } k ? $"{Formats.Date(date)}-known-{KnownAtQuery.Format(k).Replace(':', '-')}" : Formats.Date(date);

    private static string Published(DateTimeOffset? known, HttpContext http) =>
        PreviewParameter.Drafts(http) is { } drafts ? $"; PREVIEW: {drafts.Count} pending draft(s) applied - not published"
        : known is { } k ? $"; figures as published on {KnownAtQuery.Describe(k)}" : "";

    /// <summary>
    /// The workbook written to a temporary file (deleted when the response has sent it): the ZIP
    /// writer writes synchronously, which the response does not allow.
    /// </summary>
    private static async Task<Stream> XlsxFileAsync(ExportWorkbook workbook, IReadOnlyList<StreamedTable> tables, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await XlsxExport.WriteAsync(file, workbook, tables, ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}

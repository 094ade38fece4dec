using BurdenShift.Core.Briefing;
using BurdenShift.Web.Parameters;
using Microsoft.AspNetCore.Mvc;

namespace BurdenShift.Web.Exports;

/// <summary>
/// Briefing packs: <c>/api/export/pack.pptx</c> and <c>/api/export/pack.pdf</c>, with <c>areas</c>
/// (default all), <c>targets</c> (default 2027,2030), <c>asOf</c> (default today), <c>knownAt</c> (default now) and <c>pace</c>
/// (none: the fitted trends; else every area slide is a scenario at that pace). Each pack made is
/// recorded in the brief log (<see cref="BriefLog"/>).
/// </summary>
internal static class PackExportApi
{
    public static IEndpointRouteBuilder MapPackExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export/pack.{format}", async (string format, HttpContext http, BriefingPacks packs, BriefLog log, TimeProvider time,
                [FromQuery] string? asOf, [FromQuery] string? knownAt, [FromQuery] string? areas, [FromQuery] string? targets, [FromQuery] string? pace,
                CancellationToken ct) =>
            {
                if (format is not ("pptx" or "pdf"))
                {
                    return ExportParameters.BadRequest("Unknown format", $"Briefing packs are exported as .pptx or .pdf, not .{format}.");
                }

                if (!AsOfParameter.TryRead(asOf, time, out var date, out var problem)
                    || !KnownAtParameter.TryRead(knownAt, time, out var known, out problem)
                    || !ExportParameters.TryTargets(targets, out var chosenTargets, out problem)
                    || !ExportParameters.TryPace(pace, out var chosenPace, out problem))
                {
                    return problem!;
                }

                // A pack always says which published record its figures come from (now, unless asked
                // for another moment), and the brief log keeps that moment to make it again exactly.
                // Without one, the figures are the latest record, the one every page shows (and the
                // shared cache holds): every published change writes its version at the moment it
                // is made, so the versions at `moment` give the same figures when the pack is made again.
                var moment = known ?? time.GetUtcNow();
                packs = packs.At(known);
                var overview = await packs.OverviewAsync(date, ct);
                if (!ExportParameters.TryAreas(areas, [.. overview.Areas.Select(a => a.Key)], out var chosenAreas, out problem))
                {
                    return problem!;
                }

                var pack = await packs.BuildAsync(overview, chosenAreas, chosenTargets, chosenPace, ct) with { KnownAt = moment };
                await log.RecordAsync(new BriefRecord
                {
                    GeneratedAt = time.GetUtcNow(),
                    GeneratedBy = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null,
                    Format = format,
                    AsOf = date,
                    KnownAt = moment,
                    Areas = string.IsNullOrEmpty(areas) ? null : string.Join(",", chosenAreas),
                    Targets = string.Join(",", chosenTargets),
                    Pace = chosenPace,
                }, ct);
                var name = ExportParameters.FileName("pack", date, format);
                return format == "pptx"
                    ? TypedResults.File(PptxPackWriter.Write(pack), "application/vnd.openxmlformats-officedocument.presentationml.presentation", name)
                    : TypedResults.File(PdfPackWriter.Write(pack), "application/pdf", name);
            })
            .WithTags("Export")
            .AddEndpointFilter(PreviewParameter.Refuse)
            .RequireRateLimiting(ExportSetup.PackLimit)
            .WithSummary("A briefing pack (pptx or pdf): the handover index, then one slide per chosen area")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return app;
    }
}

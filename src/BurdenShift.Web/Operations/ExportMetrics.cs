using System.Diagnostics;
using BurdenShift.Core.Telemetry;

namespace BurdenShift.Web.Operations;

/// <summary>
/// Counts and times every export under /api/export/{kind}/... (data, chart, pack) by kind, format
/// (the file extension) and status, in one place instead of in each endpoint.
/// </summary>
internal static class ExportMetrics
{
    private static readonly PathString Prefix = "/api/export";

    public static void Use(WebApplication app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), b => b.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var (kind, format) = Describe(context.Request.Path);
                TagList tags = new() { { "kind", kind }, { "format", format }, { "status", context.Response.StatusCode } };
                BurdenShiftMetrics.Exports.Add(1, tags);
                if (context.Response.StatusCode < 400)
                {
                    BurdenShiftMetrics.ExportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
                }
            }
        }));

    /// <summary>"/api/export/chart/index.png" is (chart, png); "/api/export/pack.pdf" is (pack, pdf). Bounded sets only.</summary>
    internal static (string Kind, string Format) Describe(PathString path)
    {
        var rest = path.Value![Prefix.Value!.Length..].Trim('/');
        var first = rest.Split('/')[0];
        var kind = first.Split('.')[0] is "data" or "chart" or "pack" ? first.Split('.')[0] : "other";
        var extension = Path.GetExtension(rest).TrimStart('.').ToLowerInvariant();
        var format = extension is "csv" or "xlsx" or "png" or "svg" or "pdf" or "pptx" or "json" ? extension : "other";
        return (kind, format);
    }
}

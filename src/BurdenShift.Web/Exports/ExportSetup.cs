using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BurdenShift.Web.Exports;

/// <summary>The services and rate limits of the chart and briefing-pack exports.</summary>
internal static class ExportSetup
{
    public const string ChartLimit = "export-chart";
    public const string PackLimit = "export-pack";

    public static IServiceCollection AddBurdenShiftExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection("Exports"));
        services.AddScoped<ExportCharts>();
        services.AddScoped<BriefingPacks>();

        // Per client address; a briefing pack (many charts and a document) counts for far fewer than a chart.
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(ChartLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => PerMinute(context.RequestServices.GetRequiredService<IOptions<ExportOptions>>().Value.ChartsPerMinute)));
            o.AddPolicy(PackLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => PerMinute(context.RequestServices.GetRequiredService<IOptions<ExportOptions>>().Value.PacksPerMinute)));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}

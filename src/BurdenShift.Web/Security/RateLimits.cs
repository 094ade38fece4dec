using System.Threading.RateLimiting;
using BurdenShift.Web.Exports;
using Microsoft.Extensions.Options;

namespace BurdenShift.Web.Security;

/// <summary>
/// Rate limits: sign-in attempts per client address, on top of the per-account lockout; exports per
/// client address, a briefing pack (many charts and a document) counting for far fewer than a chart.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "signin";
    public const string ExportChart = "export-chart";
    public const string ExportPack = "export-pack";

    public static IServiceCollection AddBurdenShiftRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ExportChart, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => PerMinute(context.RequestServices.GetRequiredService<IOptions<ExportOptions>>().Value.ChartsPerMinute)));
            o.AddPolicy(ExportPack, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => PerMinute(context.RequestServices.GetRequiredService<IOptions<ExportOptions>>().Value.PacksPerMinute)));
        });

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}

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
    /// <summary>CSV and XLSX data exports, per signed-in user or else per client address.</summary>
    public const string DataExport = "data-export";

    public const string SignIn = "signin";
    public const string ExportChart = "export-chart";
    public const string ExportPack = "export-pack";

    public static IServiceCollection AddBurdenShiftRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Data exports: each one loads a whole date; 60 a minute per client is plenty for a briefer's script.
            o.AddPolicy(DataExport, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true
                    ? "user:" + context.User.Identity.Name
                    : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

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

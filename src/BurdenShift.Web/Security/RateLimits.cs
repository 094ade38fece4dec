using System.Threading.RateLimiting;

namespace BurdenShift.Web.Security;

/// <summary>
/// Rate limits: sign-in attempts per client address, on top of the per-account lockout, and data
/// exports. The chart and pack exports set their own limits with the rest of that feature
/// (<c>Exports/ExportSetup</c>).
/// </summary>
public static class RateLimits
{
    /// <summary>CSV and XLSX data exports, per signed-in user or else per client address.</summary>
    public const string DataExport = "data-export";

    public const string SignIn = "signin";

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
        });
}

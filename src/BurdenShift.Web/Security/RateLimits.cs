using System.Threading.RateLimiting;

namespace BurdenShift.Web.Security;

/// <summary>Rate limits: sign-in attempts per client address, on top of the per-account lockout.</summary>
public static class RateLimits
{
    public const string SignIn = "signin";

    public static IServiceCollection AddBurdenShiftRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}

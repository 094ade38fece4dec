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
            // A refusal is an API error like any other: RFC 9457 problem details, with when to retry.
            o.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : (TimeSpan?)null;
                if (wait is { } w)
                {
                    http.Response.Headers.RetryAfter = Math.Ceiling(w.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var detail = "Too many requests from this client in the last minute"
                    + (wait is { } s ? $"; try again in {Math.Ceiling(s.TotalSeconds)} s." : "; try again in a minute.");
                return new ValueTask(TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(http));
            };
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

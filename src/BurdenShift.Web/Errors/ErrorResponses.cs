using Microsoft.AspNetCore.Diagnostics;

namespace BurdenShift.Web.Errors;

/// <summary>
/// What an unhandled exception becomes: 503 with Retry-After when the database cannot be reached
/// (it is coming back; clients should retry), else 500. The API and the exports (under /api)
/// answer RFC 9457 problem details; pages get the friendly error page (re-executed /error).
/// The exception itself is logged by the exception handler middleware, never sent.
/// </summary>
internal sealed class ErrorResponses(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public static int StatusFor(Exception exception) => exception switch
    {
        // A request the framework could not bind (e.g. a repeated query parameter): the caller's fault.
        BadHttpRequestException bad => bad.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ when DatabaseFaults.IsUnreachable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = StatusFor(exception);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The middleware has already pointed Request.Path at /error: the original path says who asked.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!new PathString(path).StartsWithSegments("/api") && !new PathString(path).StartsWithSegments("/feeds"))
        {
            return false; // the page: re-executed as /error with this status
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status switch
                {
                    StatusCodes.Status503ServiceUnavailable => "Database unavailable",
                    < 500 => "Bad request",
                    _ => "Internal error",
                },
                Detail = status switch
                {
                    StatusCodes.Status503ServiceUnavailable => $"The database cannot be reached just now. Try again in {RetryAfterSeconds} seconds.",
                    < 500 => exception.Message,
                    _ => "The request failed on the server. The error has been logged; try again, or report it with the trace id.",
                },
            },
        });
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace BurdenShift.Web.Live;

/// <summary>
/// ETags for the read API and the exports, derived from the data version and the request
/// (docs/decisions/0012): a client that sends the tag back in If-None-Match gets a 304 without
/// the server computing, serialising or drawing anything. Runs after authorisation, so a 304 is
/// never an answer to a reader who may not read.
/// </summary>
internal static class DataVersionETags
{
    // Tags of one process only: another instance may have polled another version, so tags never match across processes.
    private static readonly string Instance = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    public static IApplicationBuilder UseDataVersionETags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !(request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/feeds"))
            // A preview of drafts changes with the drafts, which the data version does not count.
            || request.Query.ContainsKey(BurdenShift.Core.Review.DraftPreviewQuery.Name)
            || context.RequestServices.GetRequiredService<DataChangeWatcher>().Version is not { } version)
        {
            await next(context);
            return;
        }

        var tag = new EntityTagHeaderValue($"\"{Tag(context, version)}\"");
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } sent && sent.Any(t => t.Tag == "*" || t.Compare(tag, useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetHeaders(context.Response, tag);
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                SetHeaders(context.Response, tag);
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    private static void SetHeaders(HttpResponse response, EntityTagHeaderValue tag)
    {
        response.Headers.ETag = tag.ToString();
        // Caches may keep the answer but must ask again each time: the figures change when the data does.
        response.Headers.CacheControl = "no-cache";
    }

    /// <summary>Data version, this process's saves, and a hash of the path, the query and (when asOf is not given) today's date.</summary>
    private static string Tag(HttpContext context, long version)
    {
        var request = context.Request;
        var today = request.Query.ContainsKey("asOf")
            ? ""
            : Formats.Date(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        var what = SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Path}{request.QueryString}|{today}"));
        var database = context.RequestServices.GetRequiredService<BurdenShiftSettings>().ConnectionString;
        return $"{version}-{DataVersionInterceptor.LocalWritesTo(database)}-{Instance}-{Convert.ToHexString(what, 0, 8)}";
    }
}

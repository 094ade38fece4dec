using Microsoft.AspNetCore.OutputCaching;

namespace BurdenShift.Web.Live;

/// <summary>
/// Output caching of the read API and the exports for anonymous readers (docs/decisions/0012):
/// a second reader of the same answer gets the stored bytes, with nothing computed, serialised or
/// drawn. Entries vary by the data version the <see cref="DataChangeWatcher"/> read from the
/// database and this process's own saves, so every instance stops serving an answer as soon as
/// it sees a change, wherever the change was made; the watcher then evicts the old entries.
/// A full-history data export is streamed, never buffered, so it is not cached.
/// </summary>
internal sealed class DataVersionOutputCache : IOutputCachePolicy
{
    public const string Tag = "data";

    public static void Configure(OutputCacheOptions options)
    {
        options.AddBasePolicy(new DataVersionOutputCache());
        // Answers are a few KB to a few MB (a pack); a larger one is served uncached.
        options.MaximumBodySize = 8 * 1024 * 1024;
        options.SizeLimit = 128 * 1024 * 1024;
    }

    /// <summary>Drops every stored answer when the watcher sees a new data version.</summary>
    public static void EvictOnChange(IServiceProvider services)
    {
        var store = services.GetRequiredService<IOutputCacheStore>();
        services.GetRequiredService<DataChangeWatcher>().Changed += change => _ = store.EvictByTagAsync(Tag, CancellationToken.None).AsTask();
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var version = http.RequestServices.GetRequiredService<DataChangeWatcher>().Version;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/feeds"))
            && !IsFullHistory(request.Path)
            // An editor's preview of drafts is never stored (and is refused to anyone else).
            && !request.Query.ContainsKey(BurdenShift.Core.Review.DraftPreviewQuery.Name)
            && http.User.Identity?.IsAuthenticated != true
            && version is not null;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        var database = http.RequestServices.GetRequiredService<BurdenShiftSettings>().ConnectionString;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["version"] = string.Create(CultureInfo.InvariantCulture,
            $"{version}-{DataVersionInterceptor.LocalWritesTo(database)}");
        if (!request.Query.ContainsKey("asOf"))
        {
            // Without asOf an answer is today's: tomorrow's is another.
            context.CacheVaryByRules.VaryByValues["today"] = DateOnly.FromDateTime(
                http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        context.Tags.Add(Tag);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only whole, successful, anonymous answers: never an error, never one that sets a cookie.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    // /api/export/data/areas/{key}.{csv|xlsx}: an area's whole history, streamed.
    private static bool IsFullHistory(PathString path) =>
        path.StartsWithSegments("/api/export/data/areas", out var rest) && rest.HasValue && rest.Value!.Count(c => c == '/') == 1
        && rest.Value.Contains('.', StringComparison.Ordinal);
}

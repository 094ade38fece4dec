namespace BurdenShift.Web.Live;

/// <summary>
/// Which requests get a static page instead of an interactive circuit (ADR 0015): an anonymous
/// reader of the overview. A circuit costs the server about 300 KB of managed heap with an empty
/// page and 540-650 KB with the overview's MudBlazor layout for as long as the page is open (bench
/// <c>circuits</c>); a static page costs nothing once sent. Its filters and the as-of field work
/// as links and GET navigation, and it follows live updates by a long poll of <c>/live/version</c>
/// (wwwroot/app.js). Signed-in users keep circuits: they edit, and they are few.
/// </summary>
public static class ReaderPages
{
    /// <summary>The name of the cascading value that tells components the page has no circuit.</summary>
    public const string StaticPage = "StaticPage";

    /// <summary>The path of the live-version endpoint that static pages poll.</summary>
    public const string VersionPath = "/live/version";

    public static bool ServedStatically(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true && context.Request.Path.Value is "/" or "";

    /// <summary>How long <c>GET /live/version?since=V</c> holds a request while the version is still V.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(25);

    /// <summary>
    /// <c>GET /live/version</c>: the data version this instance has seen (no SQL: the watcher polls
    /// once a second for the whole process) and the latest change's summary, never cached. With
    /// <c>?since=V</c> and V still current, the answer waits (a long poll, up to <see cref="Hold"/>)
    /// until the watcher sees a new version, so an open page hears of a change as soon as this
    /// instance does, at no cost while nothing changes (ADR 0015).
    /// </summary>
    public static IEndpointRouteBuilder MapLiveVersion(this IEndpointRouteBuilder app)
    {
        app.MapGet(VersionPath, async (HttpContext context, DataChangeWatcher watcher, IHostApplicationLifetime lifetime, string? since) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            // The task first, then the version: a change between the two completes the task.
            var next = watcher.NextChange;
            if (since is not null && since == Token(watcher))
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
                try
                {
                    await next.WaitAsync(Hold, stop.Token);
                }
                catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
                {
                    // Nothing new within the hold, or the reader left, or the app stops: answer what is current.
                }
            }

            return TypedResults.Ok(new LiveVersion(Token(watcher), watcher.LatestSummary));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The version a static page was rendered at, as the endpoint reports it.</summary>
    public static string Token(DataChangeWatcher watcher) =>
        watcher.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

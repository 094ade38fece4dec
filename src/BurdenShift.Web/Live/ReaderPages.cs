namespace BurdenShift.Web.Live;

/// <summary>
/// Which requests get a static page instead of an interactive circuit (ADR 0015): an anonymous
/// reader of the overview. A circuit costs the server about 300 KB of managed heap with an empty
/// page and 540-650 KB with the overview's MudBlazor layout for as long as the page is open (bench
/// <c>circuits</c>); a static page costs nothing once sent. Its filters and the as-of field work
/// as links and GET navigation, and it follows live updates by polling <c>/live/version</c>
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

    /// <summary>
    /// <c>GET /live/version</c>: the data version this instance has seen (no SQL: the watcher polls
    /// once a second for the whole process) and the latest change's summary, never cached.
    /// </summary>
    public static IEndpointRouteBuilder MapLiveVersion(this IEndpointRouteBuilder app)
    {
        app.MapGet(VersionPath, (HttpContext context, DataChangeWatcher watcher) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new LiveVersion(Token(watcher), watcher.LatestSummary));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The version a static page was rendered at, as the endpoint reports it.</summary>
    public static string Token(DataChangeWatcher watcher) =>
        watcher.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

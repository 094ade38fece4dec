using Microsoft.Extensions.Caching.Memory;

namespace BurdenShift.Web.Live;

/// <summary>
/// The HTML of the static reader pages (<see cref="ReaderPages"/>), stored per address, data
/// version and colour scheme, so that a second reader of the overview gets the stored bytes with
/// nothing rendered (issue 10: the overview's throughput at least 0.8x that of <c>/api/areas</c>,
/// which the output cache answers). Not ASP.NET's output cache: Blazor sets an antiforgery cookie
/// and <c>no-store</c> on every page, which that cache rightly refuses, and a stored cookie would
/// hand every reader the same one. This cache keeps the body and its content type only: the
/// first reader of a version gets Blazor's cookie, later ones none (a static page posts no form).
/// </summary>
public sealed class ReaderPageCache : IDisposable
{
    // A page is about 50-60 KB; a few hundred addresses (dates, sorts, filters) per version.
    private const long MaxPage = 1024 * 1024;

    // Per response, per reader, or set again by the server on every answer.
    private static readonly HashSet<string> Unstored = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Date", "Server", "Transfer-Encoding", "Content-Length",
    };
    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = 64 * 1024 * 1024 });
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<Page?>> _rendering = new(StringComparer.Ordinal);
    private readonly DataChangeWatcher _watcher;
    private readonly string _database;
    private readonly TimeProvider _time;

    public ReaderPageCache(DataChangeWatcher watcher, BurdenShiftSettings settings, TimeProvider time)
    {
        _watcher = watcher;
        _database = settings.ConnectionString;
        _time = time;
        // Pages of an old version are never asked for again.
        _watcher.Changed += _ => _pages.Compact(1.0);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !ReaderPages.ServedStatically(context) || Key(context) is not { } key)
        {
            await next(context);
            return;
        }

        if (_pages.TryGetValue(key, out Page? stored) && stored is not null)
        {
            await SendAsync(context, stored);
            return;
        }

        // After a change every open page asks for its address at once: the first renders it, the
        // others wait for that page instead of each rendering the same one.
        var mine = new TaskCompletionSource<Page?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendering = _rendering.GetOrAdd(key, mine.Task);
        if (rendering != mine.Task)
        {
            if (await rendering.WaitAsync(context.RequestAborted) is { } page)
            {
                await SendAsync(context, page);
                return;
            }

            await next(context); // the first render was not storable (an error, a redirect): render this one
            return;
        }

        Page? rendered = null;
        try
        {
            rendered = await RenderAsync(context, next, key);
        }
        finally
        {
            mine.TrySetResult(rendered);
            _rendering.TryRemove(new KeyValuePair<string, Task<Page?>>(key, mine.Task));
        }
    }

    private async Task<Page?> RenderAsync(HttpContext context, RequestDelegate next, string key)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        Page? page = null;
        if (context.Response.StatusCode == StatusCodes.Status200OK && body.Length <= MaxPage
            && context.Response.ContentType is { } type && type.StartsWith("text/html", StringComparison.Ordinal))
        {
            // Blazor's headers (content type, no-store, blazor-enhanced-nav, ...); never its cookie.
            page = new Page([.. context.Response.Headers.Where(h => !Unstored.Contains(h.Key)).Select(h => (h.Key, h.Value))], body);
            _pages.Set(key, page, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        await original.WriteAsync(body, context.RequestAborted);
        return page;
    }

    private static async Task SendAsync(HttpContext context, Page page)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in page.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentLength = page.Body.Length;
        await context.Response.Body.WriteAsync(page.Body, context.RequestAborted);
    }

    // The address, the data version this instance has seen and its own saves, the scheme the page
    // is drawn in, whether Blazor asked for it by enhanced navigation, and without asOf, today.
    private string? Key(HttpContext context)
    {
        if (_watcher.Version is not { } version)
        {
            return null;
        }

        var request = context.Request;
        var today = request.Query.ContainsKey("asOf")
            ? ""
            : DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Join('\n',
            version.ToString(CultureInfo.InvariantCulture),
            DataVersionInterceptor.LocalWritesTo(_database).ToString(CultureInfo.InvariantCulture),
            request.Path.Value,
            request.QueryString.Value,
            request.Cookies["burdenshift-theme"] == "dark" ? "dark" : "light",
            request.Headers["blazor-enhanced-nav"].ToString(),
            today);
    }

    public void Dispose() => _pages.Dispose();

    private sealed record Page(List<(string Name, Microsoft.Extensions.Primitives.StringValues Value)> Headers, byte[] Body);
}

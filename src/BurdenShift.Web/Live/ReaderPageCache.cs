using System.IO.Compression;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

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
            page = new Page([.. context.Response.Headers.Where(h => !Unstored.Contains(h.Key)).Select(h => (h.Key, h.Value))], body,
                Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal)), Compress(body, s => new GZipStream(s, CompressionLevel.Optimal)));
            _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Size, SlidingExpiration = TimeSpan.FromMinutes(10) });
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

        // Compressed once when stored (58.7 KB of HTML is 11.9 KB in Brotli), so that after a change every open
        // page's re-fetch costs a fifth of the bytes and no CPU: the page holds no secret to guess at
        // (no antiforgery token or cookie; BREACH needs one), only the figures every reader sees.
        var (body, encoding) = Accepts(context.Request, "br") ? (page.Brotli, "br")
            : Accepts(context.Request, "gzip") ? (page.Gzip, "gzip")
            : (page.Body, null);
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (encoding is not null)
        {
            context.Response.Headers.ContentEncoding = encoding;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    // Whether the request accepts the coding (RFC 9110 12.5.3): named, or "*", with a quality above 0.
    private static bool Accepts(HttpRequest request, string coding)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var found = accepted.FirstOrDefault(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(a => a.Value == "*");
        return found is not null && found.Quality is not <= 0;
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream(body.Length / 4);
        using (var stream = encoder(output))
        {
            stream.Write(body);
        }

        return output.ToArray();
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

    private sealed record Page(List<(string Name, Microsoft.Extensions.Primitives.StringValues Value)> Headers, byte[] Body, byte[] Brotli, byte[] Gzip)
    {
        public long Size => Body.Length + Brotli.Length + Gzip.Length;
    }
}

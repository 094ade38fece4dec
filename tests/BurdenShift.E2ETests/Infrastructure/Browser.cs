namespace BurdenShift.E2ETests.Infrastructure;

/// <summary>
/// The system Chromium driven by Playwright (no browser download). BURDENSHIFT_CHROMIUM names
/// another binary; without one the tests fail and say how to install it.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];

    public IBrowser Instance { get; private set; } = null!;

    public static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("BURDENSHIFT_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"BURDENSHIFT_CHROMIUM is '{configured}', which does not exist.");
        }

        string[] candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium not found. Install it (sudo apt-get install -y chromium) or run ./test.sh, which installs it; " +
                "or set BURDENSHIFT_CHROMIUM to a Chromium or Chrome binary.");
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A page at a projector-sized viewport; screenshots go to test-results/ for a person to look at.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every page a test opened. A page left open after its server stopped keeps trying to
    /// reconnect its circuit, and dozens of those slow every later test down.
    /// </summary>
    public async Task CloseContextsAsync()
    {
        while (_contexts.TryTake(out var context))
        {
            await context.CloseAsync();
        }
    }

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "test-results");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>, ICollectionFixture<SharedApps>
{
    public const string Name = "browser";
}

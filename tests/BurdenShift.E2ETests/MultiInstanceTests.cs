using BurdenShift.E2ETests.Infrastructure;
using BurdenShift.IntegrationTests.Infrastructure;

namespace BurdenShift.E2ETests;

/// <summary>
/// BurdenShift deployed as docker-compose deploys it: two instances (real processes) on one
/// PostgreSQL behind a real HAProxy with sticky sessions, driven through the balancer in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MultiInstanceTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    private const string Email = "admin@example.org";
    private readonly string _password = "pw-" + Guid.NewGuid().ToString("N");
    private readonly PostgresServer _postgres = new();

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task An_edit_on_one_instance_shows_live_on_the_other_and_a_page_survives_its_instance_stopping()
    {
        var database = await _postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__BurdenShift"] = database,
            ["Seed__Dataset"] = "public-record",
            ["Bootstrap__AdminEmail"] = Email,
            ["Bootstrap__AdminPassword"] = _password,
            ["ForwardedHeaders__KnownProxies"] = "127.0.0.1",
        };
        await using var one = ServiceProcess.Start(settings, hostEnvironment: "Development");
        await using var two = ServiceProcess.Start(settings, hostEnvironment: "Development");
        await Task.WhenAll(one.WaitReadyAsync(), two.WaitReadyAsync());
        await using var balancer = await Balancer.StartAsync(new Dictionary<string, int> { ["one"] = one.Port, ["two"] = two.Port });

        // The editor's browser is pinned to instance one, a reader's to instance two, by the balancer's own cookie.
        var editor = await PinnedPageAsync(balancer, "one");
        var reader = await PinnedPageAsync(balancer, "two");
        await editor.GotoAsync(balancer.BaseUrl + "/account/signin");
        await editor.GetByTestId("signin-email").FillAsync(Email);
        await editor.GetByTestId("signin-password").FillAsync(_password);
        await editor.GetByTestId("signin-submit").ClickAsync();
        await editor.GetByTestId("signed-in-as").WaitForAsync();

        var console = new List<string>();
        reader.Console += (_, m) => console.Add(m.Text);
        try
        {
            await reader.OpenAsync(balancer.BaseUrl + "/areas/isr");
        }
        catch (TimeoutException)
        {
            await reader.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("multi-debug") });
            throw new InvalidOperationException(string.Join('\n', console) + "\n---\n" + string.Join('\n', two.Lines.TakeLast(40)));
        }

        var onReader = reader.Locator("main").GetByText("12.3%");
        Assert.Equal(0, await onReader.CountAsync());

        await editor.OpenAsync(balancer.BaseUrl + "/areas/isr");
        await editor.Locator("[data-testid^='edit-assessment-']").First.ClickAsync();
        await editor.GetByTestId("f-europeShare").FillAsync("12.3");
        await editor.GetByTestId("f-reason").FillAsync("multi-instance check");
        await editor.GetByTestId("save-figure").ClickAsync();
        await editor.WaitForUrlContainingAsync("/areas/isr");

        // Saved through instance one, shown on the page instance two holds, without a reload.
        await Pages.EventuallyAsync(async () => await onReader.CountAsync() > 0, "the edit made on instance one never showed on the page held by instance two");
        Assert.Equal("two", await ServerCookieAsync(reader));

        // Instance one stops (a rolling upgrade): the editor's page comes back from instance two with the same view, still signed in.
        var editorConsole = new List<string>();
        editor.Console += (_, m) => editorConsole.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {m.Text}");
        await editor.EvaluateAsync("() => { window.__heldByStoppedInstance = true; }");
        await one.StopAsync();
        editorConsole.Add($"{DateTime.UtcNow:HH:mm:ss.fff} (instance one exited)");
        try
        {
            await Pages.EventuallyAsync(
                async () => await ReloadedAndInteractiveAsync(editor),
                "the page held by the stopped instance never came back interactive from the other one", 45_000);
        }
        catch (Xunit.Sdk.FailException)
        {
            await editor.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("multi-instance-failover-failed") });
            throw new InvalidOperationException("The page never came back from instance two. Browser console:\n" + string.Join('\n', editorConsole)
                + "\n--- instance two:\n" + string.Join('\n', two.Lines.Where(l => !l.Contains("/health/ready", StringComparison.Ordinal)).TakeLast(30)));
        }

        Assert.Contains("/areas/isr", editor.Url);
        Assert.Equal("two", await ServerCookieAsync(editor));
        await editor.GetByTestId("signed-in-as").WaitForAsync();
        // Interactive comes first; the area's figures render once the page has loaded them.
        await Pages.EventuallyAsync(async () => await editor.Locator("main").GetByText("12.3%").CountAsync() > 0,
            "the edit is missing after the page moved to instance two");
        await editor.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("multi-instance-after-failover"), FullPage = true });
        Assert.True(await onReader.CountAsync() > 0);
    }

    private async Task<IPage> PinnedPageAsync(Balancer balancer, string instance)
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = Balancer.StickyCookie, Value = instance, Url = balancer.BaseUrl }]);
        return page;
    }

    /// <summary>Whether the page has loaded afresh (the marker set before the stop is gone) and is interactive again.</summary>
    private static async Task<bool> ReloadedAndInteractiveAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>("() => window.__heldByStoppedInstance === undefined")
                && await page.GetByTestId("interactive").CountAsync() > 0;
        }
        catch (PlaywrightException)
        {
            // Mid-navigation: the old document is gone and the new one not there yet.
            return false;
        }
    }

    private static async Task<string?> ServerCookieAsync(IPage page) =>
        (await page.Context.CookiesAsync()).FirstOrDefault(c => c.Name == Balancer.StickyCookie)?.Value;
}

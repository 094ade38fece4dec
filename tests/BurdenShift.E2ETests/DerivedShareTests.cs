using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

/// <summary>Shares derived from counts, as a reader and an editor see them in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DerivedShareTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    private const string Email = "admin@example.org";
    private const string Password = "correct horse battery staple";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task A_new_count_moves_the_derived_share_its_status_and_the_index_on_an_open_overview()
    {
        await using var app = new AppServer("public-record", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Email,
            ["Bootstrap:AdminPassword"] = Password,
        });
        var reader = await browser.NewPageAsync();
        await reader.OpenAsync(app.BaseUrl + "/");
        var enablers = reader.Locator("tr[data-area='enablers']");
        var index = reader.GetByTestId("index-2027");
        await Pages.EventuallyAsync(async () => (await enablers.InnerTextAsync()).Contains("10.1%", StringComparison.Ordinal), "the enablers row shows no derived 10.1%");
        Assert.Equal(1, await enablers.GetByTestId("derived").CountAsync());
        Assert.Contains("Tanker aircraft 9%", await enablers.GetByTestId("derived-pairs").InnerTextAsync());
        Assert.Contains("off track", await enablers.Locator("td[data-target='2027']").InnerTextAsync());
        var indexBefore = await index.Locator(".index-value").InnerTextAsync();
        Assert.Contains("44%", await reader.GetByTestId("statement-us-share-conventional-capability").InnerTextAsync());

        // An editor counts Europe's tankers again (a made-up 6,000, so that the status moves).
        var editor = await browser.NewPageAsync();
        await SignInTests.SignInAsync(editor, app, Email, Password);
        await editor.OpenAsync(app.BaseUrl + "/new/observation?parent=tankers-europe");
        await editor.GetByTestId("f-asOf").FillAsync("2026-06-30");
        await editor.GetByTestId("f-value").FillAsync("6000");
        await editor.ChooseAsync("f-confidence", "medium");
        await editor.ChooseAsync("f-source", "waf-2020-tankers");
        await editor.GetByTestId("save-figure").ClickAsync();
        // Polled, not WaitForURLAsync: that misses a same-document navigation that lands between its first
        // look at the address and its wait for the navigation event (seen under load: the page had moved).
        await editor.WaitForUrlContainingAsync("/areas/enablers");

        // The open overview follows without a reload: 6000 / 6605 = 90.8%, mean with 3.5% and 17.7% = 37.3%.
        await Pages.EventuallyAsync(async () => (await enablers.InnerTextAsync()).Contains("37.3%", StringComparison.Ordinal),
            "the enablers row did not move to 37.3% without a reload", 10_000);
        Assert.Contains("Tanker aircraft 90.8%", await enablers.GetByTestId("derived-pairs").InnerTextAsync());
        Assert.Contains("at risk", await enablers.Locator("td[data-target='2027']").InnerTextAsync());
        Assert.NotEqual(indexBefore, await index.Locator(".index-value").InnerTextAsync());
        await reader.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("derived-overview"), FullPage = true });

        // The area page explains the new figure and links the new count to its source.
        await editor.OpenAsync(app.BaseUrl + "/areas/enablers");
        var sentences = await editor.GetByTestId("pair-sentences").InnerTextAsync();
        Assert.Contains("Tanker aircraft: Europe 6,000, US 605 aircraft → 90.8%; weight 1", sentences);
        var tankers = editor.Locator("tr[data-pair='Tanker aircraft']");
        Assert.Equal("https://issuhub.com/view/index/24089?pageIndex=30", await tankers.Locator("td").First.Locator("a").GetAttributeAsync("href"));
        Assert.Contains("Europe share (derived from counts)", await editor.Locator("main").InnerTextAsync());
    }
}

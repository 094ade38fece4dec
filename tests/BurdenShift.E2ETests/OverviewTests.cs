using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class OverviewTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    private static readonly string[] Areas = ["isr", "air-defence", "missiles", "ammunition", "drones", "cyber", "enablers"];

    [Fact]
    public async Task The_overview_shows_every_area_and_says_where_no_figure_is_public()
    {
        var app = apps.PublicRecord;
        var page = await browser.NewPageAsync();

        await page.OpenAsync(app.BaseUrl + "/");

        foreach (var key in Areas)
        {
            var row = page.Locator($"tr[data-area='{key}']");
            Assert.True(await row.IsVisibleAsync(), $"the {key} row is not visible");
        }

        // ISR: the 2011 Libya proxy, with its source; missiles: no public figure, not zero (air defence now derives its shares from counts).
        var isr = page.Locator("tr[data-area='isr']");
        Assert.Contains("80%", await isr.InnerTextAsync());
        Assert.Contains("low confidence", await isr.InnerTextAsync());
        var missiles = page.Locator("tr[data-area='missiles']");
        Assert.Contains("no public figure", await missiles.InnerTextAsync());
        Assert.DoesNotContain("0%", await missiles.InnerTextAsync());

        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("overview"), FullPage = true });
    }

    [Fact]
    public async Task The_illustrative_dataset_carries_its_banner()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();

        await page.OpenAsync(app.BaseUrl + "/");

        Assert.Contains("ILLUSTRATIVE", await page.GetByTestId("illustrative-banner").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("overview-illustrative"), FullPage = true });
    }
}

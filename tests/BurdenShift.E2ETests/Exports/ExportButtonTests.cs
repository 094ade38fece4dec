using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests.Exports;

/// <summary>The export links and the briefing-pack page in Chromium against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportButtonTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task Export_links_next_to_the_area_chart_carry_the_pages_as_of_date_and_give_the_chart()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/areas/drones?asOf=2025-03-31");

        var png = page.GetByTestId("export-menu").First.GetByTestId("export-png");
        var href = await png.GetAttributeAsync("href");
        Assert.Equal("api/export/chart/drones.png?asOf=2025-03-31", href);
        Assert.Equal("api/export/chart/drones.svg?asOf=2025-03-31", await page.GetByTestId("export-menu").First.GetByTestId("export-svg").GetAttributeAsync("href"));

        var response = await page.APIRequest.GetAsync(app.BaseUrl + "/" + href);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.Contains("burdenshift-drones-2025-03-31.png", response.Headers["content-disposition"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_briefing_pack_page_builds_the_chosen_pack_and_saves_it()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/briefing-pack?asOf=2025-06-30");

        await page.GetByTestId("pack-all-areas").UncheckAsync();
        // Check drones only once the server's "none chosen" has reached the page: were it still
        // ticked from "all", CheckAsync would do nothing and the late render would then untick it.
        var drones = page.Locator("input[data-area='drones']");
        await Pages.EventuallyAsync(async () => !await drones.IsCheckedAsync(), () => "unticking all areas did not untick drones");
        await drones.CheckAsync();
        await page.Locator("input[data-target='2027']").UncheckAsync();
        var shown = "";
        await Pages.EventuallyAsync(async () => (shown = await page.GetByTestId("pack-url").InnerTextAsync()) == "api/export/pack.pptx?areas=drones&targets=2030&asOf=2025-06-30",
            () => $"the pack address does not follow the choices: it is {shown}");

        // A PDF pack takes 1-3 s to build on a quiet 2-core machine and was seen to take 29.5 s at load 35:
        // the wait allows for a busy machine (a budget for the build, not an assertion about its speed).
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pack-pdf").ClickAsync(), new() { Timeout = 120_000 });

        Assert.Equal("burdenshift-pack-2025-06-30.pdf", download.SuggestedFilename);
        await Pages.EventuallyAsync(async () => (await page.GetByTestId("pack-message").TextContentAsync() ?? "").Contains("downloaded", StringComparison.Ordinal),
            "the page never said the pack was downloaded");
        var path = await download.PathAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path)).AsSpan(0, 4)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_pace_on_the_briefing_pack_page_goes_into_the_pack_and_a_bad_one_is_refused_before_building()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync(apps.Illustrative.BaseUrl + "/briefing-pack?asOf=2025-06-30");
        var pace = page.GetByTestId("pack-pace");

        // FillAsync types the text; the change reaches the server when the field loses focus.
        await pace.FillAsync("fast");
        await pace.BlurAsync();
        await Pages.EventuallyAsync(async () => await page.GetByTestId("pack-pace-problem").CountAsync() == 1, "a pace that is not a number was not explained");
        Assert.True(await page.GetByTestId("pack-pptx").IsDisabledAsync());

        await pace.FillAsync("2.5");
        await pace.BlurAsync();
        var shown = "";
        await Pages.EventuallyAsync(async () => (shown = await page.GetByTestId("pack-url").InnerTextAsync()).EndsWith("&pace=2.5", StringComparison.Ordinal),
            () => $"the pack address does not carry the pace: it is {shown}");
        Assert.Equal(0, await page.GetByTestId("pack-pace-problem").CountAsync());
        Assert.False(await page.GetByTestId("pack-pptx").IsDisabledAsync());
    }
}

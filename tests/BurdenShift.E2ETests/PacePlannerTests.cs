using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

/// <summary>The pace planner on an area page: a shareable scenario drawn, tabulated and exported as such.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PacePlannerTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task Choosing_the_required_pace_puts_the_target_on_track_in_a_scenario_the_address_keeps()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/areas/isr?asOf=2026-06-30&pace=0");

        // No movement from today: 2027 is not on track, and the chart says the projection is a scenario.
        var planner = page.GetByTestId("pace-planner");
        var row2027 = planner.Locator("[data-testid=scenario-table] tr[data-target='2027']");
        Assert.NotEqual("on track", await row2027.Locator(".status").InnerTextAsync());
        Assert.Contains("SCENARIO: 0 pts/yr", await page.Locator(".chart-legend").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("pace=0", await page.GetByTestId("export-png").First.GetAttributeAsync("href") ?? "", StringComparison.Ordinal);

        // The pace 2027 needs, applied: the scenario reaches the target on time, and the address holds the pace.
        await planner.GetByTestId("use-required-2027").ClickAsync();
        await page.WaitForUrlContainingAsync("pace=");
        await Pages.EventuallyAsync(async () => await row2027.Locator(".status").InnerTextAsync() == "on track",
            () => "the required pace did not put 2027 on track");
        Assert.DoesNotContain("pace=0&", page.Url + "&", StringComparison.Ordinal);

        // The permalink reproduces the scenario; back to the fitted trend removes it.
        var other = await browser.NewPageAsync();
        await other.OpenAsync(page.Url);
        Assert.Equal("on track", await other.GetByTestId("pace-planner").Locator("[data-testid=scenario-table] tr[data-target='2027'] .status").InnerTextAsync());
        await planner.GetByTestId("pace-reset").ClickAsync();
        await Pages.EventuallyAsync(async () => await planner.GetByTestId("scenario-table").CountAsync() == 0, () => "the scenario stayed after going back to the fitted trend");
        Assert.DoesNotContain("pace=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pace_that_is_not_a_number_is_explained_and_the_fitted_trend_shown()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync(apps.Illustrative.BaseUrl + "/areas/isr?pace=fast");

        Assert.Contains("showing the fitted trend instead", await page.GetByTestId("pace-problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("scenario-table").CountAsync());
        Assert.DoesNotContain("SCENARIO", await page.Locator(".chart-legend").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_indicator_has_a_planner_of_its_own_in_its_unit_kept_in_the_address()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync(apps.PublicRecord.BaseUrl + "/areas/ammunition?asOf=2026-06-30&indicator=eu-155mm-capacity&indicatorPace=0");

        // EU 155 mm capacity held at today's 1.4 million a year does not reach 2 million by 2027.
        var planner = page.GetByTestId("pace-planner-eu-155mm-capacity");
        var row2027 = planner.Locator("[data-testid=scenario-table] tr[data-target='2027']");
        Assert.Equal("off track", await row2027.Locator(".status").InnerTextAsync());
        var article = page.Locator("article[data-indicator='eu-155mm-capacity']");
        Assert.Contains("SCENARIO: 0 shells/yr per year", await article.Locator(".chart-legend").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("pace=0", await article.GetByTestId("export-png").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        // The area's own planner is untouched by the indicator's scenario.
        Assert.Equal(0, await page.GetByTestId("pace-planner").GetByTestId("scenario-table").CountAsync());

        await planner.GetByTestId("use-required-2027").ClickAsync();
        await Pages.EventuallyAsync(async () => await row2027.Locator(".status").InnerTextAsync() == "on track",
            () => "the required pace did not put the 2027 capacity target on track");
        Assert.Contains("indicator=eu-155mm-capacity", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("indicatorPace=0&", page.Url + "&", StringComparison.Ordinal);

        var other = await browser.NewPageAsync();
        await other.OpenAsync(page.Url);
        Assert.Equal("on track", await other.GetByTestId("pace-planner-eu-155mm-capacity").Locator("[data-testid=scenario-table] tr[data-target='2027'] .status").InnerTextAsync());
    }

    [Fact]
    public async Task A_scenario_for_an_indicator_the_area_does_not_have_is_explained()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync(apps.PublicRecord.BaseUrl + "/areas/ammunition?indicator=tankers-us&indicatorPace=5");

        Assert.Contains("an indicator this area does not have (\"tankers-us\")", await page.GetByTestId("pace-problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("scenario-table").CountAsync());
    }
}

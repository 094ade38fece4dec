using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

/// <summary>The top bar's "As known on" (knowledge time, docs/methodology.md) in Chromium against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KnownAtPickerTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task As_known_on_shows_the_record_of_that_day_and_the_permalink_carries_both_dates()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/?asOf=2025-03-31");
        var drones = page.Locator("tr[data-area='drones']");
        var latest = await drones.Locator("td").First.InnerTextAsync();

        // The dataset was loaded when the app started: on a day before, nothing was published yet.
        await page.GetByLabel("As known on").FillAsync("2020-01-01");
        await page.WaitForUrlContainingAsync("knownAt=2020-01-01");
        await Pages.EventuallyAsync(async () => await drones.CountAsync() == 0, "areas published later still show as known on 2020-01-01");
        Assert.Contains("as published on 2020-01-01", await page.GetByTestId("known-at-shown").InnerTextAsync(), StringComparison.Ordinal);

        // Today: everything published so far, the same figures as the latest record.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("As known on").FillAsync(today);
        await page.WaitForUrlContainingAsync($"knownAt={today}");
        await Pages.EventuallyAsync(async () => await drones.CountAsync() == 1 && await drones.Locator("td").First.InnerTextAsync() == latest,
            "as known today the figures differ from the latest record");

        // The permalink reproduces both dates.
        var other = await browser.NewPageAsync();
        await other.OpenAsync(page.Url);
        Assert.Equal("2025-03-31", await other.GetByLabel("Data as of").InputValueAsync());
        Assert.Equal(today, await other.GetByLabel("As known on").InputValueAsync());

        await page.GetByTestId("known-at-latest").ClickAsync();
        await Pages.EventuallyAsync(async () => !page.Url.Contains("knownAt", StringComparison.Ordinal), "Latest did not drop knownAt from the address");
    }
}

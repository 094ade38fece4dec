using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using BurdenShift.E2ETests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BurdenShift.E2ETests;

/// <summary>Ranges as a reader sees them (issue 14): a status the range does not settle reads "between ...".</summary>
[Collection(BrowserCollection.Name)]
public sealed class RangeTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    /// <summary>
    /// Drones 30 [25, 35] in mid-2024 and 38.5 [33, 44] in mid-2025: against 2030 (>= 90) the low end
    /// projects to 77 (off-track), the high end to 94 (on-track); against 2027 both ends are on-track.
    /// </summary>
    internal static async Task AddDroneRangesAsync(AppServer app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BurdenShiftDbContext>>().CreateDbContextAsync();
        var source = await db.Sources.OrderBy(s => s.Id).FirstAsync();
        var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
        foreach (var (date, share, low, high) in new[] { (new DateOnly(2024, 6, 30), 30m, 25m, 35m), (new DateOnly(2025, 6, 30), 38.5m, 33m, 44m) })
        {
            db.ShareAssessments.Add(new ShareAssessment
            {
                AreaId = drones.Id,
                AsOf = date,
                EuropeShare = share,
                EuropeLow = low,
                EuropeHigh = high,
                UsShare = 55m,
                SourceId = source.Id,
                Confidence = Confidence.Low,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UnixEpoch,
            });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_status_the_range_does_not_settle_reads_between_and_robust_only_hides_it()
    {
        await using var app = new AppServer();
        await AddDroneRangesAsync(app);
        var page = await browser.NewPageAsync();

        await page.OpenAsync(app.BaseUrl + "/?asOf=2026-06-30&target=2030");

        var drones = page.Locator("tr[data-area='drones']");
        Assert.Equal("between off-track and on-track", (await drones.Locator("td[data-target='2030'] [data-testid='range-status']").InnerTextAsync()).Trim());
        Assert.Contains("at risk", await drones.Locator("td[data-target='2030']").InnerTextAsync());
        Assert.Contains("robust across the range", await drones.Locator("td[data-target='2027']").InnerTextAsync());
        Assert.Contains("range 33%–44%", await drones.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("overview-ranges"), FullPage = true });

        await page.GetByTestId("filter-robust").CheckAsync();
        await page.WaitForUrlContainingAsync("robust=only");
        await Pages.EventuallyAsync(async () => await drones.CountAsync() == 0, "drones, not robust against 2030, is still listed");
        Assert.Equal(1, await page.Locator("tr[data-area='isr']").CountAsync());
    }

    [Fact]
    public async Task The_methodology_page_works_its_example_at_both_ends_of_the_series_own_range()
    {
        await using var app = new AppServer();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<BurdenShiftDbContext>>().CreateDbContextAsync())
        {
            var capacity = await db.Indicators.SingleAsync(i => i.Key == "eu-155mm-capacity");
            db.IndicatorObservations.Add(new IndicatorObservation
            {
                IndicatorId = capacity.Id,
                AsOf = new DateOnly(2026, 3, 31),
                Value = 2_000_000m,
                Low = 1_500_000m,
                High = 2_100_000m,
                SourceId = (await db.Sources.OrderBy(s => s.Id).FirstAsync()).Id,
                Confidence = Confidence.Low,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UnixEpoch,
            });
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/methodology?asOf=2026-06-30");

        Assert.Contains("give their own ranges", await page.GetByTestId("range-example-basis").InnerTextAsync());
        var pessimistic = await page.Locator("[data-testid='range-example'] tr[data-end='Pessimistic']").InnerTextAsync();
        Assert.Contains("1,500,000 shells/yr", pessimistic);
        // The page's figures are the API's: the same engine, the same rows.
        var response = await page.APIRequest.GetAsync(app.BaseUrl + "/api/indicators?asOf=2026-06-30");
        using var api = System.Text.Json.JsonDocument.Parse(await response.TextAsync());
        var target = api.RootElement.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "eu-155mm-capacity")
            .GetProperty("targets").EnumerateArray().First(t => t.GetProperty("key").GetString() == "2027");
        var status = target.GetProperty("range").GetProperty("pessimistic").GetProperty("status").GetString()!;
        Assert.Contains(status.Replace('-', ' '), pessimistic);
    }

    [Fact]
    public async Task Without_a_published_range_the_methodology_example_says_its_range_is_hypothetical()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync(apps.PublicRecord.BaseUrl + "/methodology?asOf=2026-06-30");

        Assert.Contains("hypothetical range", await page.GetByTestId("range-example-basis").InnerTextAsync());
        Assert.Equal(2, await page.Locator("[data-testid='range-example'] tbody tr").CountAsync());
    }

    [Fact]
    public async Task The_area_chart_draws_the_range_as_a_band_and_the_projection_as_a_fan()
    {
        await using var app = new AppServer();
        await AddDroneRangesAsync(app);
        var page = await browser.NewPageAsync();

        await page.OpenAsync(app.BaseUrl + "/areas/drones?asOf=2026-06-30");

        var chart = page.GetByTestId("line-chart").First;
        Assert.Equal(1, await chart.Locator("[data-testid='chart-band-0']").CountAsync());
        Assert.Equal(2, await chart.Locator(".chart-fan").CountAsync()); // one per target still ahead: 2027 and 2030
        Assert.Contains("range (shaded band", await chart.Locator(".chart-legend").InnerTextAsync());
        Assert.Contains("Shaded band", await chart.Locator(".chart-caption").InnerTextAsync());
        await chart.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("area-chart-ranges") });

        // The export draws the same model: keep its PNG next to the screenshots to look at.
        var png = await page.APIRequest.GetAsync(app.BaseUrl + "/api/export/chart/drones.png?asOf=2026-06-30&width=1200&height=675");
        Assert.Equal(200, png.Status);
        await File.WriteAllBytesAsync(Infrastructure.Browser.ScreenshotPath("export-chart-ranges"), await png.BodyAsync());
    }
}

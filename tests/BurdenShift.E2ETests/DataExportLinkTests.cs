using System.Text;
using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class DataExportLinkTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task The_export_links_download_the_tables_for_the_date_the_page_shows()
    {
        var app = apps.PublicRecord;
        var page = await browser.NewPageAsync();

        await page.OpenAsync(app.BaseUrl + "/areas/isr?asOf=2026-06-30");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("data-export-areas-isr-csv").ClickAsync());

        Assert.Equal("burdenshift-isr-2026-06-30.csv", csv.SuggestedFilename);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        Assert.StartsWith("\uFEFFarea_key,as_of,date_precision,europe_share,us_share,europe_share_low,europe_share_high,us_share_low,us_share_high,confidence,source", text, StringComparison.Ordinal);
        Assert.Contains("isr,2011-12-31,year,,80,,,,,low,", text, StringComparison.Ordinal); // no range given: four empty bound cells

        await page.OpenAsync(app.BaseUrl + "/?asOf=2025-12-31");
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("data-export-areas-xlsx").ClickAsync());

        Assert.Equal("burdenshift-areas-2025-12-31.xlsx", xlsx.SuggestedFilename);
        Assert.Equal("/?asOf=2025-12-31", new Uri(page.Url).PathAndQuery); // the page stayed where it was
    }
}

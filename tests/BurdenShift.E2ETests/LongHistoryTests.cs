using System.Globalization;
using BurdenShift.E2ETests.Infrastructure;
using BurdenShift.Web.Live;
using Microsoft.Data.Sqlite;

namespace BurdenShift.E2ETests;

/// <summary>
/// An area with a very long history costs its page what the page shows (docs/decisions/0012):
/// one page of table rows, chart lines bounded by the chart's width, whatever the number of rows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongHistoryTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    private const int Rows = 100_000;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task An_area_with_100000_assessments_shows_one_page_of_rows_and_a_bounded_chart()
    {
        await using var app = new AppServer();
        var watcher = app.Services.GetRequiredService<DataChangeWatcher>();
        var version = watcher.Version;
        AddHistory(app.DatabaseFile, "isr", Rows);
        await Pages.EventuallyAsync(() => Task.FromResult(watcher.Version != version), "the app did not see the new data version");

        // The prerendered page: one page of rows, and bytes that do not follow the history.
        using var http = new HttpClient();
        var html = await http.GetStringAsync(app.BaseUrl + "/areas/isr?asOf=2026-06-30");
        Assert.InRange(html.Length, 1, 1_500_000);

        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/areas/isr?asOf=2026-06-30");

        var table = page.GetByTestId("assessments");
        var total = int.Parse(await table.GetAttributeAsync("data-total") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(total >= Rows, $"the table counts {total} assessments");
        var rows = table.Locator("tbody tr");
        Assert.Equal(25, await rows.CountAsync());
        var newest = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.StartsWith("2026", newest, StringComparison.Ordinal); // the template row's precision: a year
        Assert.Contains("of 100,", await page.GetByTestId("assessments-pager").InnerTextAsync(), StringComparison.Ordinal);

        // Each chart draws at most two points per pixel of its width (800) per line, and its data table shows one page.
        var shareChart = page.GetByTestId("line-chart").First;
        Assert.InRange(await shareChart.Locator("path.chart-marker").CountAsync(), 2, 2 * 800 * 2);
        Assert.InRange(await shareChart.Locator(".chart-table tbody tr").CountAsync(), 1, 25);
        Assert.Contains("each month's lowest and highest share", await page.GetByTestId("share-history-by-month").InnerTextAsync(), StringComparison.Ordinal);

        // The next page is older rows, read from the server.
        await table.GetByRole(AriaRole.Button, new() { Name = "Page 2" }).ClickAsync();
        await Pages.EventuallyAsync(async () => await table.GetAttributeAsync("data-page") == "2", "the table did not turn to page 2");
        await page.WaitForSettledAsync();
        Assert.Equal(25, await rows.CountAsync());
        var older = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.True(string.CompareOrdinal(older, newest) <= 0, $"page 2 starts at {older}, after page 1's {newest}");
    }

    /// <summary>Daily Europe and US shares for one area, 30 a day, written as another process would (raw SQL), then a new data version.</summary>
    private static void AddHistory(string databaseFile, string area, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $rows),
                 t AS (SELECT "AsOfPrecision", "Confidence", "SourceId", "EnteredAt", "Revision" FROM "ShareAssessments" LIMIT 1)
            INSERT INTO "ShareAssessments" ("AreaId", "AsOf", "AsOfPrecision", "EuropeShare", "UsShare", "SourceId", "Confidence", "EnteredBy", "EnteredAt", "Revision")
            SELECT (SELECT "Id" FROM "Areas" WHERE "Key" = $area),
                   date('2026-06-30', '-' || (n.i / 30) || ' days'),
                   t."AsOfPrecision", printf('%.1f', 10 + (n.i % 400) / 10.0), '40', t."SourceId", t."Confidence", 'test', t."EnteredAt", t."Revision"
            FROM n CROSS JOIN t;
            UPDATE "DatasetInfo" SET "DataVersion" = "DataVersion" + 1;
            """;
        command.Parameters.AddWithValue("$rows", rows);
        command.Parameters.AddWithValue("$area", area);
        command.ExecuteNonQuery();
    }
}

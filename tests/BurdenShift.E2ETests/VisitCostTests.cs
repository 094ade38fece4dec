using BurdenShift.E2ETests.Infrastructure;
using BurdenShift.Web.Live;
using Microsoft.Data.Sqlite;

namespace BurdenShift.E2ETests;

/// <summary>
/// An interactive visit costs the SQL of one render (docs/decisions/0012): the prerender computes
/// the overview (4 commands) and the indicators at a glance (3), the circuit and every later reader
/// take them from the shared cache. The same at 10 rows and at 100,000.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitCostTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task An_interactive_visit_to_the_overview_costs_seven_sql_commands_at_10_and_at_100000_rows()
    {
        await using var app = new AppServer();
        using var sql = new SqlCommandListener(app.DatabaseFile);
        var watcher = app.Services.GetRequiredService<DataChangeWatcher>();
        // Warm up what any first request reads once (data-protection keys, EF's model) on another page.
        var warmUp = await browser.NewPageAsync();
        await warmUp.OpenAsync(app.BaseUrl + "/methodology");
        await warmUp.CloseAsync();

        Assert.Equal(7, await VisitAsync(app, sql));

        var version = watcher.Version;
        AddHistory(app.DatabaseFile, 100_000);
        await Pages.EventuallyAsync(() => Task.FromResult(watcher.Version != version), "the app did not see the new data version");

        Assert.Equal(7, await VisitAsync(app, sql));
    }

    /// <summary>Opens the overview, waits for the circuit, changes a filter (a round trip through it) and counts the SQL.</summary>
    private async Task<int> VisitAsync(AppServer app, SqlCommandListener sql)
    {
        sql.Reset();
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/?asOf=2026-06-30");
        await page.GetByTestId("sort").SelectOptionAsync("name");
        await page.WaitForUrlContainingAsync("sort=name");
        await Pages.EventuallyAsync(async () => await page.Locator("tr[data-area]").CountAsync() > 0, "the overview shows no area");
        await page.CloseAsync();
        return sql.Count;
    }

    /// <summary>Daily Europe shares for every area, written as another process would (raw SQL), then a new data version.</summary>
    private static void AddHistory(string databaseFile, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $rows),
                 t AS (SELECT "AsOfPrecision", "Confidence", "SourceId", "EnteredAt", "Revision" FROM "ShareAssessments" LIMIT 1),
                 a AS (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") - 1 AS k, COUNT(*) OVER () AS areas FROM "Areas")
            INSERT INTO "ShareAssessments" ("AreaId", "AsOf", "AsOfPrecision", "EuropeShare", "UsShare", "SourceId", "Confidence", "EnteredBy", "EnteredAt", "Revision")
            SELECT a."Id",
                   date('2026-06-30', '-' || (n.i / a.areas) || ' days'),
                   t."AsOfPrecision", printf('%.1f', 10 + (n.i % 400) / 10.0), '40', t."SourceId", t."Confidence", 'test', t."EnteredAt", t."Revision"
            FROM n CROSS JOIN t JOIN a ON a.k = n.i % a.areas;
            UPDATE "DatasetInfo" SET "DataVersion" = "DataVersion" + 1;
            """;
        command.Parameters.AddWithValue("$rows", rows);
        command.ExecuteNonQuery();
        command.CommandText = "SELECT COUNT(*) FROM \"ShareAssessments\"";
        Assert.True((long)command.ExecuteScalar()! >= rows);
    }
}

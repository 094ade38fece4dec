namespace BurdenShift.IntegrationTests;

/// <summary>
/// Beyond 2,000 rows a chart draws each month's range, computed by the database, and before a
/// trend window each month end's row (docs/decisions/0012). Shares are compared there as numbers,
/// not as EF's decimals: the figures a reader sees must still be the exact four-decimal values, on
/// both providers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthAggregateTests(PostgresServer postgres)
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Month_ranges_and_means_keep_four_decimal_shares_exactly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateSeededContextAsync("none"))
        {
            var source = await db.Sources.FirstAsync();
            var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
            ShareAssessment Row(DateOnly date, decimal europe) => new()
            {
                AreaId = drones.Id,
                AsOf = date,
                EuropeShare = europe,
                UsShare = 100m - europe - 1m,
                SourceId = source.Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            };

            // Two rows a day for 1,200 days from 2010, 10.0001 and 10.0002: 2,400 rows, all before the
            // trend window of the latest row (2020), so the chart shows each month end's row before it.
            for (var day = 0; day < 1200; day++)
            {
                var date = new DateOnly(2010, 1, 1).AddDays(day);
                db.ShareAssessments.AddRange(Row(date, 10.0001m), Row(date, 10.0002m));
            }

            db.ShareAssessments.AddRange(Row(new DateOnly(2012, 3, 15), 12.3456m), Row(new DateOnly(2012, 3, 16), 7.6543m),
                Row(new DateOnly(2020, 6, 30), 33.3333m));
            await db.SaveChangesAsync();
        }

        var dashboard = new DashboardService(database.Factory());

        // The area's chart of its whole history: each month's lowest and highest value, exactly.
        var area = await dashboard.GetAreaAsync("drones", AsOf);
        var europe = area!.ShareHistory.Lines.Single(l => l.Name == HistoryReads.EuropeLine).Points;
        Assert.True(area.ShareHistory.ByMonth);
        Assert.Equal([7.6543m, 12.3456m], europe.Where(p => p.Date.Year == 2012 && p.Date.Month == 3).Select(p => p.Value).Order());
        Assert.Equal([10.0001m, 10.0002m], europe.Where(p => p.Date.Year == 2011 && p.Date.Month == 7).Select(p => p.Value).Order());

        // The chart depth's months before the window: the row in force at each month's end, exactly
        // (March 2012's end is its last day's second row, not the 15th's 12.3456 entered later).
        var chart = await dashboard.GetOverviewAsync(AsOf, HistoryDepth.Chart);
        Assert.Equal(10.0002m, chart.History["drones"].Single(p => p.Date == new DateOnly(2010, 1, 31)).Value);
        Assert.Equal(10.0002m, chart.History["drones"].Single(p => p.Date == new DateOnly(2012, 3, 31)).Value);
        Assert.Equal(33.3333m, chart.History["drones"][^1].Value);
    }
}

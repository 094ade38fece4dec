using BurdenShift.Web.Live;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// Beyond 2,000 rows before a trend window, the charts of the whole history (packs, the index
/// chart, the compare page) draw one point a month: the row in force at the month's end, with its
/// own value, range and confidence (docs/decisions/0012, item 19; docs/methodology.md, "Ranges"),
/// read with a number of SQL commands that does not depend on the number of rows.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthEndTests(PostgresServer postgres)
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly DateOnly First = new(2010, 1, 1);
    private static readonly DateOnly Last = new(2012, 12, 31);
    private static readonly DateOnly Latest = new(2020, 6, 30);

    // Every month of 2010-2012: its last day and its index from 0.
    private static readonly List<(DateOnly End, int Index)> Months =
        [.. Enumerable.Range(0, 36).Select(i => (First.AddMonths(i + 1).AddDays(-1), i))];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Charts_of_a_long_history_carry_each_months_end_row_with_its_confidence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await AddHistoryAsync(database);
        var counter = new CommandCounter();
        var dashboard = new DashboardService(database.Factory(counter));

        var trend = await dashboard.GetOverviewAsync(AsOf, HistoryDepth.TrendWindow);
        var trendCommands = counter.Count;
        counter.Reset();
        var chart = await dashboard.GetOverviewAsync(AsOf, HistoryDepth.Chart);

        // The window's figures, and before the window (from 30 June 2017) one point a month: the month
        // end's row entered last, with its own value, range and Low confidence (the other rows are Medium).
        Assert.Equal(trend.Areas.Single(a => a.Key == "drones").Targets, chart.Areas.Single(a => a.Key == "drones").Targets);
        var drones = chart.History["drones"];
        var before = drones.Where(p => p.Date < Latest.AddYears(-3)).ToList();
        Assert.Equal(Months.Select(m => m.End), before.Select(p => p.Date));
        Assert.Equal(Months.Select(m => MonthEndShare(m.Index)), before.Select(p => p.Value));
        Assert.All(before, p => Assert.Equal(Confidence.Low, p.Confidence));
        Assert.Equal(Months.Select(m => (MonthEndShare(m.Index) - 1m, MonthEndShare(m.Index) + 1m)), before.Select(p => (p.Low!.Value, p.High!.Value)));
        Assert.Equal(Latest, drones[^1].Date);

        // The index chart (packs) before its window replays those points: drones is the only area with figures.
        Assert.Equal(Months.Select(m => (m.End, MonthEndShare(m.Index))),
            chart.IndexHistory.Where(p => p.Date < Latest.AddYears(-3)).Select(p => (p.Date, p.Value)));

        // 2,192 rows before the window, read with the trend overview's commands, one for the areas, and two for drones.
        Assert.Equal(trendCommands + 1 + 2, counter.Count);

        // An indicator: the same month ends at the charts' depth, with their exact precision-24 values,
        // after the earliest row (the at-risk baseline the figures use).
        var indicators = await dashboard.GetIndicatorOverviewAsync(AsOf, HistoryDepth.Chart);
        var counts = indicators.History["drone-count"].Where(p => p.Date < Latest.AddYears(-3)).ToList();
        Assert.Equal((First, 100m), (counts[0].Date, counts[0].Value));
        Assert.Equal(Months.Select(m => (m.End, MonthEndCount(m.Index), Confidence.Low)), counts.Skip(1).Select(p => (p.Date, p.Value, p.Confidence)));
        Assert.Equal((await dashboard.GetIndicatorOverviewAsync(AsOf, HistoryDepth.Full)).Indicators.Single(i => i.Key == "drone-count").Targets,
            indicators.Indicators.Single(i => i.Key == "drone-count").Targets);

        // The area page's chart of the indicator draws each month's range, compared by the database as
        // numbers: chart points rounded to four decimals (1,234,567.123456 + i becomes 1,234,567.1235 + i).
        var area = await dashboard.GetAreaAsync("drones", AsOf);
        var history = area!.IndicatorHistories["drone-count"];
        Assert.True(history.ByMonth);
        var march2011 = history.Lines.Single().Points.Where(p => p.Date.Year == 2011 && p.Date.Month == 3).Select(p => p.Value).Order();
        Assert.Equal([100m, Math.Round(MonthEndCount(14), 4)], march2011);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_chart_of_one_indicator_reads_the_months_of_that_indicator_alone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await AddHistoryAsync(database, "drone-count", "drone-count-2");
        var counter = new CommandCounter();
        var dashboard = new DashboardService(database.Factory(counter));
        using var cache = new DashboardCache(dashboard, () => 1, database.ConnectionString);
        var whole = await dashboard.GetIndicatorOverviewAsync(AsOf, HistoryDepth.Chart);
        var trend = await cache.GetIndicatorOverviewAsync(AsOf);
        counter.Reset();

        // The chosen indicator's whole history, as the charts' depth of every indicator gives it (its
        // month ends before the window); the other keeps its window: its months were never read.
        var chosen = await cache.GetIndicatorChartsAsync(AsOf, ["drone-count"]);
        Assert.Equal(whole.History["drone-count"], chosen.History["drone-count"]);
        Assert.Equal(37, chosen.History["drone-count"].Count(p => p.Date < Latest.AddYears(-3)));
        Assert.Same(trend.History["drone-count-2"], chosen.History["drone-count-2"]);
        Assert.Same(trend.Indicators, chosen.Indicators);
        // One command for the indicators, two for the chosen one's months (2,192 rows before its window).
        Assert.Equal(3, counter.Count);

        // Per data version and indicator: choosing it again, with another, reads only the other's.
        counter.Reset();
        var both = await cache.GetIndicatorChartsAsync(AsOf, ["drone-count-2", "drone-count", "no-such-indicator"]);
        Assert.Equal(3, counter.Count);
        Assert.Same(chosen.History["drone-count"], both.History["drone-count"]);
        Assert.Equal(whole.History["drone-count-2"], both.History["drone-count-2"]);
        Assert.False(both.History.ContainsKey("no-such-indicator"));
    }

    private static decimal MonthEndShare(int month) => 20m + month + 0.0001m;

    private static decimal MonthEndCount(int month) => 1_234_567.123456m + month;

    /// <summary>
    /// Two shares a day, and two counts a day for each indicator (default one, drone-count), for
    /// 2010-2012 (2,192 rows each, all before the window of the latest, 30 June 2020): the second of
    /// the month's last day is distinct (Low confidence, a range for the share), every other row 70
    /// (shares) or 100 (counts).
    /// </summary>
    private static async Task AddHistoryAsync(TestDatabase database, params string[] indicatorKeys)
    {
        await using var db = await database.CreateSeededContextAsync("none");
        var source = await db.Sources.FirstAsync();
        var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
        var indicators = (indicatorKeys.Length == 0 ? ["drone-count"] : indicatorKeys)
            .Select(key => new Indicator { Key = key, AreaId = drones.Id, Name = $"Drones fielded ({key})", Unit = "drones" }).ToList();
        db.Indicators.AddRange(indicators);
        var now = DateTimeOffset.UtcNow;
        ShareAssessment Share(DateOnly date, decimal europe, Confidence confidence, decimal? low = null, decimal? high = null) => new()
        {
            AreaId = drones.Id,
            AsOf = date,
            EuropeShare = europe,
            UsShare = 90m - europe,
            EuropeLow = low,
            EuropeHigh = high,
            SourceId = source.Id,
            Confidence = confidence,
            EnteredBy = "test",
            EnteredAt = now,
        };
        IEnumerable<IndicatorObservation> Counts(DateOnly date, decimal value, Confidence confidence) => indicators.Select(indicator => new IndicatorObservation
        {
            Indicator = indicator,
            AsOf = date,
            Value = value,
            SourceId = source.Id,
            Confidence = confidence,
            EnteredBy = "test",
            EnteredAt = now,
        });

        // Saved in two steps so that on each date the second row's id is the larger (entered last).
        var dates = Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays).ToList();
        db.ShareAssessments.AddRange(dates.Select(d => Share(d, 70m, Confidence.Medium)));
        db.IndicatorObservations.AddRange(dates.SelectMany(d => Counts(d, 100m, Confidence.Medium)));
        await db.SaveChangesAsync();
        foreach (var date in dates)
        {
            var month = ((date.Year - First.Year) * 12) + date.Month - 1;
            var monthEnd = date.AddDays(1).Day == 1;
            db.ShareAssessments.Add(monthEnd
                ? Share(date, MonthEndShare(month), Confidence.Low, MonthEndShare(month) - 1m, MonthEndShare(month) + 1m)
                : Share(date, 70m, Confidence.Medium));
            db.IndicatorObservations.AddRange(monthEnd ? Counts(date, MonthEndCount(month), Confidence.Low) : Counts(date, 100m, Confidence.Medium));
        }

        await db.SaveChangesAsync();
        db.ShareAssessments.Add(Share(Latest, 45m, Confidence.High));
        db.IndicatorObservations.AddRange(Counts(Latest, 2_000m, Confidence.High));
        await db.SaveChangesAsync();
    }
}

using BurdenShift.Web.Live;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// One computation per (as-of date, data version), shared: a second reader costs no SQL, many
/// readers at once after a change share one load, and a change of version is seen at once.
/// </summary>
public sealed class DashboardCacheTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public async Task A_second_reader_is_served_without_sql_and_a_new_version_computes_once_for_all()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null!);
        await database.SeedAsync("public-record");

        var counter = new CommandCounter();
        long version = 1;
        using var cache = new DashboardCache(new DashboardService(database.Factory(counter)), () => Interlocked.Read(ref version), database.ConnectionString);

        var first = await cache.GetOverviewAsync(AsOf);
        Assert.InRange(counter.Count, 1, 4);

        counter.Reset();
        var second = await cache.GetOverviewAsync(AsOf);
        var areas = await cache.GetAreasAsync(AsOf);
        var index = await cache.GetIndexAsync(AsOf);
        Assert.Equal(0, counter.Count);
        // Every reader holds the same figures, not a copy.
        Assert.Same(first, second);
        Assert.Same(first.Areas, areas);
        Assert.Same(first.Index, index);

        // An area's page and an unknown key are cached too.
        await cache.GetAreaAsync("drones", AsOf);
        Assert.Null(await cache.GetAreaAsync("no-such-area", AsOf));
        counter.Reset();
        await cache.GetAreaAsync("drones", AsOf);
        Assert.Null(await cache.GetAreaAsync("no-such-area", AsOf));
        Assert.Equal(0, counter.Count);

        // A change: a hundred open pages reload at once and share one computation.
        Interlocked.Increment(ref version);
        counter.Reset();
        var reloads = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => cache.GetOverviewAsync(AsOf))));
        Assert.InRange(counter.Count, 1, 4);
        Assert.All(reloads, r => Assert.Same(reloads[0], r));
        Assert.NotSame(first, reloads[0]);
    }

    [Fact]
    public async Task A_save_in_this_process_shows_at_the_next_read_before_any_poll()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null!);
        await database.SeedAsync("public-record");

        // The polled version never moves here: only this process's own save can tell the cache.
        using var cache = new DashboardCache(new DashboardService(database.Factory()), () => 1, database.ConnectionString);
        var before = (await cache.GetAreasAsync(AsOf)).Single(a => a.Key == "drones");
        Assert.NotEqual(42.5m, before.Latest?.EuropeShare);

        await using (var db = database.CreateContext(new DataVersionInterceptor()))
        {
            var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
            db.ShareAssessments.Add(new ShareAssessment
            {
                AreaId = drones.Id,
                AsOf = AsOf,
                EuropeShare = 42.5m,
                UsShare = 50m,
                SourceId = (await db.Sources.FirstAsync()).Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var after = (await cache.GetAreasAsync(AsOf)).Single(a => a.Key == "drones");
        Assert.Equal(42.5m, after.Latest?.EuropeShare);
    }
}

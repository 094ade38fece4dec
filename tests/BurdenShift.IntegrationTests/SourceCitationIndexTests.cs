using System.Data.Common;
using BurdenShift.Core.Sources;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// The source registry's page does not grow with how often a source is cited (issue 10): the
/// newest rows and the count of a source come from the (SourceId, AsOf, Id) index on both
/// providers, and the count stops at <see cref="SourceRegistryService.CountCap"/>, so a source
/// cited by more rows than that is "cited by more than 10,000".
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SourceCitationIndexTests(PostgresServer postgres)
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_source_cited_more_than_the_cap_is_counted_up_to_it_through_the_index(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var key = await AddCitedSourceAsync(database, SourceRegistryService.CountCap + 5);

        var recorder = new Recorder();
        var page = await new SourceRegistryService(database.Factory(recorder)).GetPageAsync(AsOf, key, null, 1);

        var source = Assert.Single(page.Sources.Items);
        Assert.Equal(SourceRegistryService.CountCap + 1, source.AssessmentCount);
        Assert.Equal("more than 10,000", RegistrySource.CountText(source.AssessmentCount));
        Assert.Equal(SourceRegistryService.CitationsPerSource, source.Assessments.Count);
        Assert.Equal(AsOf, source.Assessments[0].AsOf);

        // Every command of the page that reads share assessments by source walks the new index.
        var bySource = recorder.Commands.Where(c => c.Sql.Contains("\"ShareAssessments\"", StringComparison.Ordinal)
            && c.Sql.Contains("\"SourceId\" = ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, bySource.Count); // the counts and the newest rows
        await using var db = database.CreateContext();
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"ShareAssessments\"");
        }

        foreach (var command in bySource)
        {
            var plan = (await ExplainAsync(db, provider, command)).Split('\n');
            var context = string.Join('\n', [command.Sql, .. plan]);
            if (provider == DatabaseProvider.Sqlite)
            {
                // SQLite reads a table one way per query: here a range of the index.
                Assert.True(plan.Any(l => l.Contains("SEARCH", StringComparison.Ordinal) && l.Contains("IX_ShareAssessments_SourceId_AsOf_Id", StringComparison.Ordinal)), context);
                continue;
            }

            // PostgreSQL: each read of the table is a range of the index, or a scan that stops at a
            // LIMIT (the planner's choice when nearly every row cites the source, as here): never a
            // walk of every row citing it.
            var reads = Enumerable.Range(0, plan.Length).Where(i => plan[i].Contains("on \"ShareAssessments\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(reads);
            Assert.All(reads, i => Assert.True(
                plan[i].Contains("IX_ShareAssessments_SourceId_AsOf_Id", StringComparison.Ordinal) || (i > 0 && plan[i - 1].Contains("Limit", StringComparison.Ordinal)),
                context));
        }

        // The newest rows: a backward walk of the index on both providers.
        Assert.Contains("IX_ShareAssessments_SourceId_AsOf_Id", await ExplainAsync(db, provider, bySource[1]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_citing_tables_have_the_source_index(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = await database.CreateMigratedContextAsync();
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename IN ('ShareAssessments', 'IndicatorObservations')"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('ShareAssessments', 'IndicatorObservations')";
        var names = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        Assert.Contains("IX_ShareAssessments_SourceId_AsOf_Id", names);
        Assert.Contains("IX_IndicatorObservations_SourceId_AsOf_Id", names);
    }

    private static async Task<string> ExplainAsync(BurdenShiftDbContext db, DatabaseProvider provider, (string Sql, List<(string Name, object? Value)> Parameters) command)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN (COSTS OFF) " : "EXPLAIN QUERY PLAN ") + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            var p = explain.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            explain.Parameters.Add(p);
        }

        var plan = new StringBuilder();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // PostgreSQL: one column of text; SQLite: id, parent, notused, detail.
            plan.AppendLine(reader.GetString(reader.FieldCount - 1));
        }

        return plan.ToString();
    }

    /// <summary>The standard data (no dataset), then one source cited by <paramref name="rows"/> daily drones shares up to the as-of date.</summary>
    private static async Task<string> AddCitedSourceAsync(TestDatabase database, int rows)
    {
        await using var db = await database.CreateSeededContextAsync("none");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var source = new Source
        {
            Key = "much-cited",
            Publisher = "Example Institute",
            Title = "Daily drone census",
            Confidence = Confidence.Medium,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UtcNow,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
        for (var i = 0; i < rows; i++)
        {
            db.ShareAssessments.Add(new ShareAssessment
            {
                AreaId = drones.Id,
                AsOf = AsOf.AddDays(-i),
                EuropeShare = 10m + (i % 40),
                UsShare = 40m,
                SourceId = source.Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return source.Key;
    }

    private sealed class Recorder : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return ValueTask.FromResult(result);
        }
    }
}

using System.Diagnostics;
using BurdenShift.Core.Data;
using BurdenShift.Core.Data.Seeding;
using BurdenShift.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BurdenShift.Bench;

/// <summary>How long filling a database took: migrations plus standard data, then the bench rows.</summary>
internal sealed record SeedTime(TimeSpan Schema, TimeSpan Rows);

/// <summary>
/// One database per run, filled by the Core code itself (migrations, then the seeder with the
/// "none" dataset: the standard areas, targets and sources) plus a synthetic share history, so
/// the app finds exactly the schema and data shape it would in production.
/// </summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    private const int BatchSize = 5_000;
    private static readonly DateOnly LastDate = new(2026, 6, 30);

    /// <summary>SQLite, and PostgreSQL when BURDENSHIFT_BENCH_PG names an empty database.</summary>
    public static async Task<List<BenchDatabase>> ConfiguredAsync(CancellationToken ct)
    {
        var databases = new List<BenchDatabase> { new Sqlite() };
        if (Environment.GetEnvironmentVariable("BURDENSHIFT_BENCH_PG") is { Length: > 0 } pg)
        {
            var postgres = new Postgres(pg);
            await postgres.EnsureEmptyAsync(ct);
            databases.Add(postgres);
        }

        return databases;
    }

    /// <summary>The value of the app's Database:Provider setting.</summary>
    public abstract string Provider { get; }

    /// <summary>An empty database for a run with <paramref name="perArea"/> observations per area.</summary>
    public abstract Task<string> CreateAsync(int perArea, CancellationToken ct);

    /// <summary>Removes what <see cref="CreateAsync"/> made, once the app is stopped.</summary>
    public abstract Task DropAsync(string connectionString);

    public abstract ValueTask DisposeAsync();

    protected abstract BurdenShiftDbContext Open(string connectionString);

    /// <summary>Migrates and seeds, then adds <paramref name="perArea"/> daily Europe-share observations to every area.</summary>
    public async Task<SeedTime> FillAsync(string connectionString, int perArea, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var db = Open(connectionString);
        await db.Database.MigrateAsync(ct);
        await new DatabaseSeeder(TimeProvider.System, NullLogger<DatabaseSeeder>.Instance).SeedAsync(db, "none", ct);
        var schema = clock.Elapsed;

        // StandardData is internal to Core: cite whichever standard source comes first.
        var sourceId = await db.Sources.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
        var areaIds = await db.Areas.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        // Nothing is read back or modified, so scanning the tracked entities on every Add is wasted work.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTimeOffset.UtcNow;
        var batch = new List<ShareAssessment>(BatchSize);
        foreach (var areaId in areaIds)
        {
            for (var i = 0; i < perArea; i++)
            {
                // One figure a day up to the as-of date; the Europe share climbs from 10 to 60 with
                // a deterministic wobble, so every run measures the same data and the trend is not a
                // perfectly straight line.
                var progress = perArea == 1 ? 1.0 : (double)i / (perArea - 1);
                var europe = Math.Clamp(Math.Round((decimal)(10 + (50 * progress) + (2 * Math.Sin(i + areaId))), 1), 10m, 60m);
                batch.Add(new ShareAssessment
                {
                    AreaId = areaId,
                    AsOf = LastDate.AddDays(i - perArea + 1),
                    EuropeShare = europe,
                    UsShare = 95m - europe,
                    Confidence = Confidence.Medium,
                    SourceId = sourceId,
                    EnteredBy = "bench",
                    EnteredAt = now,
                });
                if (batch.Count == BatchSize)
                {
                    await SaveAsync(db, batch, ct);
                }
            }
        }

        await SaveAsync(db, batch, ct);
        return new SeedTime(schema, clock.Elapsed - schema);
    }

    /// <summary>
    /// Migrates and seeds, then adds about <paramref name="rows"/> share rows in all, spread evenly
    /// over the standard areas and the 20 years up to 30 June 2026 (several a day at a million),
    /// with one SQL statement: fast enough for a million rows. One row is written through EF as
    /// the template of the stored formats (dates, enums, numbers); the database copies it.
    /// </summary>
    public async Task FillBulkAsync(string connectionString, int rows, CancellationToken ct)
    {
        await using var db = Open(connectionString);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.MigrateAsync(ct);
        await new DatabaseSeeder(TimeProvider.System, NullLogger<DatabaseSeeder>.Instance).SeedAsync(db, "none", ct);
        var sourceId = await db.Sources.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
        var areas = await db.Areas.CountAsync(ct);
        db.ShareAssessments.Add(new ShareAssessment
        {
            AreaId = await db.Areas.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(ct),
            AsOf = LastDate.AddYears(-21),
            EuropeShare = 10m,
            UsShare = 85m,
            Confidence = Confidence.Medium,
            SourceId = sourceId,
            EnteredBy = "bench",
            EnteredAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        var perArea = Math.Max(1, (rows - 1) / areas);
        await db.Database.ExecuteSqlRawAsync(BulkInsertSql(perArea), ct);

        // As many indicator observations (issue 10: "1M indicator observations"): one count
        // indicator per area and one of no area, each with an even share of them over the same
        // 20 years, copied from the same template row by one INSERT ... SELECT.
        var areaRows = await db.Areas.OrderBy(a => a.Id).Select(a => new { a.Id, a.Key }).ToListAsync(ct);
        db.Indicators.AddRange([.. areaRows.Select(a => new Indicator { Key = $"{a.Key}-{IndicatorSuffix}", AreaId = a.Id, Name = $"Bench count ({a.Key})", Unit = "units" }),
            new Indicator { Key = AllianceIndicator, Name = "Bench count (no area)", Unit = "units" }]);
        await db.SaveChangesAsync(ct);
        var perIndicator = Math.Max(1, rows / (areaRows.Count + 1));
        await db.Database.ExecuteSqlRawAsync(BulkObservationsSql(perIndicator), ct);
        foreach (var sql in AfterFillSql())
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    /// <summary>Statements run one by one after the bulk inserts, each outside a transaction.</summary>
    protected virtual IEnumerable<string> AfterFillSql() => [];

    /// <summary>
    /// Moves the data version as a write by another process would, without changing a figure: what
    /// the app's caches key on, so the next request of each kind computes afresh.
    /// </summary>
    public async Task BumpVersionAsync(string connectionString, CancellationToken ct)
    {
        await using var db = Open(connectionString);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"DatasetInfo\" SET \"DataVersion\" = \"DataVersion\" + 1", ct);
    }

    /// <summary>The key suffix of the bench's indicator of each area ("isr-bench").</summary>
    public const string IndicatorSuffix = "bench";

    /// <summary>The key of the bench's indicator that belongs to no area.</summary>
    public const string AllianceIndicator = "alliance-bench";

    /// <summary>One INSERT ... SELECT of <paramref name="perArea"/> rows per area, copying the template row's formats.</summary>
    protected abstract string BulkInsertSql(int perArea);

    /// <summary>One INSERT ... SELECT of <paramref name="perIndicator"/> observations per indicator, copying the template share row's formats.</summary>
    protected abstract string BulkObservationsSql(int perIndicator);

    private static async Task SaveAsync(BurdenShiftDbContext db, List<ShareAssessment> batch, CancellationToken ct)
    {
        db.ShareAssessments.AddRange(batch);
        await db.SaveChangesAsync(ct);
        // Keep the change tracker small: later batches would otherwise pay for every earlier row.
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    /// <summary>A fresh SQLite file per run in a temporary folder that is deleted at the end.</summary>
    public sealed class Sqlite : BenchDatabase
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("burdenshift-bench-");

        public override string Provider => "Sqlite";

        public override Task<string> CreateAsync(int perArea, CancellationToken ct) =>
            Task.FromResult($"Data Source={Path.Combine(_folder.FullName, $"overview-{perArea}.db")}");

        public override Task DropAsync(string connectionString)
        {
            // Pooled connections keep the file open (which matters on Windows).
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }

        protected override string BulkInsertSql(int perArea) => $$"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {{perArea}}),
                 t AS (SELECT "AsOfPrecision", "Confidence", "SourceId", "EnteredAt", "Revision" FROM "ShareAssessments" LIMIT 1)
            INSERT INTO "ShareAssessments" ("AreaId", "AsOf", "AsOfPrecision", "EuropeShare", "UsShare", "SourceId", "Confidence", "EnteredBy", "EnteredAt", "Revision")
            SELECT a."Id", date('2026-06-30', '-' || ((({{perArea}} - 1 - n.i) * 7300) / {{perArea}}) || ' days'), t."AsOfPrecision",
                   printf('%.1f', 10 + 50.0 * n.i / {{perArea}} + (n.i % 7) / 10.0), printf('%.1f', 85 - 50.0 * n.i / {{perArea}} - (n.i % 7) / 10.0),
                   t."SourceId", t."Confidence", 'bench', t."EnteredAt", t."Revision"
            FROM n CROSS JOIN t CROSS JOIN "Areas" a;
            """;

        // Counts climbing from 100 to 500 with a wobble, six decimals as precision 24, scale 6 allows.
        protected override string BulkObservationsSql(int perIndicator) => $$"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {{perIndicator}}),
                 t AS (SELECT "AsOfPrecision", "Confidence", "SourceId", "EnteredAt", "Revision" FROM "ShareAssessments" LIMIT 1)
            INSERT INTO "IndicatorObservations" ("IndicatorId", "AsOf", "AsOfPrecision", "Value", "SourceId", "Confidence", "EnteredBy", "EnteredAt", "Revision")
            SELECT x."Id", date('2026-06-30', '-' || ((({{perIndicator}} - 1 - n.i) * 7300) / {{perIndicator}}) || ' days'), t."AsOfPrecision",
                   printf('%.6f', 100 + 400.0 * n.i / {{perIndicator}} + (n.i % 7) / 1000000.0),
                   t."SourceId", t."Confidence", 'bench', t."EnteredAt", t."Revision"
            FROM n CROSS JOIN t CROSS JOIN "Indicators" x;
            """;

        protected override BurdenShiftDbContext Open(string connectionString) =>
            new SqliteBurdenShiftDbContext(new DbContextOptionsBuilder<SqliteBurdenShiftDbContext>().UseSqlite(connectionString).Options);
    }

    /// <summary>
    /// The database named by BURDENSHIFT_BENCH_PG. The bench cannot assume it may create
    /// databases, so every run fills the same one and drops all its tables afterwards; it refuses
    /// to start unless the database is empty, so it never destroys anything it did not create.
    /// </summary>
    public sealed class Postgres(string emptyDatabase) : BenchDatabase
    {
        public override string Provider => "Postgres";

        public async Task EnsureEmptyAsync(CancellationToken ct)
        {
            await using var db = Open(emptyDatabase);
            if (await TablesAsync(db, ct) is { Count: > 0 } tables)
            {
                throw new InvalidOperationException(
                    $"BURDENSHIFT_BENCH_PG must name an empty database (its tables are dropped after each run), but it holds {string.Join(", ", tables)}.");
            }
        }

        public override Task<string> CreateAsync(int perArea, CancellationToken ct) => Task.FromResult(emptyDatabase);

        public override async Task DropAsync(string connectionString)
        {
            await using var db = Open(connectionString);
            var tables = await TablesAsync(db, CancellationToken.None);
            if (tables.Count > 0)
            {
                // Identifiers cannot be parameters; these are the server's own table names, quoted.
                var names = string.Join(", ", tables.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
                var drop = $"DROP TABLE {names} CASCADE";
                await db.Database.ExecuteSqlRawAsync(drop);
            }

            // The month summaries' trigger functions (ADR 0023) outlive their tables' triggers.
            foreach (var function in await FunctionsAsync(db, CancellationToken.None))
            {
                var drop = $"DROP FUNCTION \"{function.Replace("\"", "\"\"", StringComparison.Ordinal)}\"() CASCADE";
                await db.Database.ExecuteSqlRawAsync(drop);
            }
        }

        public override ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }

        protected override string BulkInsertSql(int perArea) => $$"""
            INSERT INTO "ShareAssessments" ("AreaId", "AsOf", "AsOfPrecision", "EuropeShare", "UsShare", "SourceId", "Confidence", "EnteredBy", "EnteredAt")
            SELECT a."Id", DATE '2026-06-30' - ((({{perArea}} - 1 - n)::bigint * 7300) / {{perArea}})::int, t."AsOfPrecision",
                   round(10 + 50.0 * n / {{perArea}} + (n % 7) / 10.0, 1), round(85 - 50.0 * n / {{perArea}} - (n % 7) / 10.0, 1),
                   t."SourceId", t."Confidence", 'bench', t."EnteredAt"
            FROM generate_series(0, {{perArea}} - 1) AS n
            CROSS JOIN (SELECT "AsOfPrecision", "Confidence", "SourceId", "EnteredAt" FROM "ShareAssessments" LIMIT 1) AS t
            CROSS JOIN "Areas" AS a;
            """;

        protected override string BulkObservationsSql(int perIndicator) => $$"""
            INSERT INTO "IndicatorObservations" ("IndicatorId", "AsOf", "AsOfPrecision", "Value", "SourceId", "Confidence", "EnteredBy", "EnteredAt")
            SELECT x."Id", DATE '2026-06-30' - ((({{perIndicator}} - 1 - n)::bigint * 7300) / {{perIndicator}})::int, t."AsOfPrecision",
                   round(100 + 400.0 * n / {{perIndicator}} + (n % 7) / 1000000.0, 6),
                   t."SourceId", t."Confidence", 'bench', t."EnteredAt"
            FROM generate_series(0, {{perIndicator}} - 1) AS n
            CROSS JOIN (SELECT "AsOfPrecision", "Confidence", "SourceId", "EnteredAt" FROM "ShareAssessments" LIMIT 1) AS t
            CROSS JOIN "Indicators" AS x;
            """;

        // What autovacuum does to a table soon after a bulk load: statistics, and the visibility map
        // that lets an index-only scan (the month ends', ADR 0012 item 22) skip the rows themselves;
        // also to the tables the triggers filled (ADR 0023, ADR 0024).
        protected override IEnumerable<string> AfterFillSql() =>
            new[] { "ShareAssessments", "IndicatorObservations", "ShareMonths", "ObservationMonths", "ShareDays", "ObservationDays" }
                .Select(table => $"VACUUM (ANALYZE) \"{table}\"");

        protected override BurdenShiftDbContext Open(string connectionString) =>
            new PostgresBurdenShiftDbContext(new DbContextOptionsBuilder<PostgresBurdenShiftDbContext>().UseNpgsql(connectionString).Options);

        // The functions the migrations created: plpgsql ones of no arguments in this schema.
        private static Task<List<string>> FunctionsAsync(BurdenShiftDbContext db, CancellationToken ct) =>
            db.Database.SqlQueryRaw<string>(
                "SELECT p.proname AS \"Value\" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang "
                + "WHERE n.nspname = current_schema() AND l.lanname = 'plpgsql' AND p.pronargs = 0")
                .ToListAsync(ct);

        private static Task<List<string>> TablesAsync(BurdenShiftDbContext db, CancellationToken ct) =>
            db.Database.SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                .ToListAsync(ct);
    }
}

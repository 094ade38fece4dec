using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>An empty database of its own for one test: a SQLite file or a PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new TestDatabase(provider, await postgres.CreateDatabaseAsync(), null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"burdenshift-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(provider, $"Data Source={file}", file);
    }

    public BurdenShiftDbContext CreateContext(IInterceptor? interceptor = null)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteBurdenShiftDbContext>().UseSqlite(ConnectionString);
            return new SqliteBurdenShiftDbContext((interceptor is null ? sqlite : sqlite.AddInterceptors(interceptor)).Options);
        }

        var npgsql = new DbContextOptionsBuilder<PostgresBurdenShiftDbContext>().UseNpgsql(ConnectionString);
        return new PostgresBurdenShiftDbContext((interceptor is null ? npgsql : npgsql.AddInterceptors(interceptor)).Options);
    }

    /// <summary>A factory like the app's, optionally watching every command.</summary>
    public IDbContextFactory<BurdenShiftDbContext> Factory(IInterceptor? interceptor = null) => new ContextFactory(this, interceptor);

    /// <summary>A context on a migrated database.</summary>
    public async Task<BurdenShiftDbContext> CreateMigratedContextAsync()
    {
        var db = CreateContext();
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>A context on a migrated database seeded with <paramref name="dataset"/> ("none", "public-record", ...).</summary>
    public async Task<BurdenShiftDbContext> CreateSeededContextAsync(string dataset)
    {
        var db = await CreateMigratedContextAsync();
        await new DatabaseSeeder(TimeProvider.System, NullLogger<DatabaseSeeder>.Instance).SeedAsync(db, dataset);
        return db;
    }

    /// <summary>Migrates the database and seeds <paramref name="dataset"/>.</summary>
    public async Task SeedAsync(string dataset)
    {
        await using var db = await CreateSeededContextAsync(dataset);
    }

    private sealed class ContextFactory(TestDatabase database, IInterceptor? interceptor) : IDbContextFactory<BurdenShiftDbContext>
    {
        public BurdenShiftDbContext CreateDbContext() => database.CreateContext(interceptor);
    }

    public ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }

        return ValueTask.CompletedTask;
    }
}

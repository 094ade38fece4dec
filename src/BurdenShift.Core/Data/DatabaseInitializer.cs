using System.Data.Common;
using System.Net.Sockets;
using BurdenShift.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BurdenShift.Core.Data;

/// <summary>Applies migrations (unless switched off) and seeds an empty database on start-up.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<BurdenShiftDbContext> dbFactory,
    BurdenShiftSettings settings,
    DatabaseSeeder seeder,
    ILogger<DatabaseInitializer> logger)
{
    public Task InitializeAsync(CancellationToken ct = default) => InitializeAsync(seed: true, ct);

    /// <summary>Migrations only, nothing seeded: a backup is restored into an empty database.</summary>
    public Task MigrateAsync(CancellationToken ct = default) => InitializeAsync(seed: false, ct);

    private async Task InitializeAsync(bool seed, CancellationToken ct)
    {
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                EnsureSqliteFolder();
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (settings.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(ct);
                logger.LogInformation("Database ready: {Target}", settings.DescribeTarget());
            }
            else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                throw new StartupConfigurationException(
                    $"{settings.DescribeTarget()} has migrations that are not applied and {BurdenShiftSettings.MigrateKey} is false: " +
                    $"apply them (dotnet ef database update) or set {BurdenShiftSettings.MigrateKey} to true.");
            }

            if (seed)
            {
                await seeder.SeedAsync(db, settings.SeedDataset, ct);
            }
        }
        catch (Exception ex) when (ex is DbException or SocketException or TimeoutException or InvalidOperationException && IsConnectionFailure(ex))
        {
            throw new StartupConfigurationException(
                $"Cannot open {settings.DescribeTarget()} ({Innermost(ex).Message}): check {BurdenShiftSettings.ConnectionStringKey} " +
                $"and {BurdenShiftSettings.ProviderKey}, and that the database server is running.", ex);
        }
    }

    private void EnsureSqliteFolder()
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        if (!settings.UsesDefaultSqliteFile)
        {
            throw new StartupConfigurationException(
                $"The folder of the SQLite file {file} does not exist: create {folder} first, or fix {BurdenShiftSettings.ConnectionStringKey}.");
        }

        Directory.CreateDirectory(folder);
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is DbException or SocketException or TimeoutException || ex.InnerException is DbException or SocketException or TimeoutException;

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace BurdenShift.Core.Data;

/// <summary>
/// The database and seeding settings, read and checked once at start-up. Every check failure is
/// a <see cref="StartupConfigurationException"/> naming the setting to fix.
/// </summary>
public sealed record BurdenShiftSettings(
    DatabaseProvider Provider,
    string ConnectionString,
    bool MigrateOnStartup,
    string SeedDataset)
{
    public const string ProviderKey = "Database:Provider";
    public const string MigrateKey = "Database:MigrateOnStartup";
    public const string ConnectionStringKey = "ConnectionStrings:BurdenShift";
    public const string SeedKey = "Seed:Dataset";
    public const string WaitForMigrationsKey = "Database:WaitForMigrationsSeconds";
    public const string MigrationLockTimeoutKey = "Database:MigrationLockTimeoutSeconds";
    public const string ReviewKey = "Editing:Review";

    /// <summary>
    /// With <see cref="MigrateOnStartup"/> false, how long start-up waits for someone else (the
    /// <c>migrate</c> command, another instance) to apply pending migrations before it refuses.
    /// </summary>
    public TimeSpan WaitForMigrations { get; init; } = TimeSpan.Zero;

    /// <summary>How long an instance waits for another one's migrate-and-seed to finish.</summary>
    public TimeSpan MigrationLockTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>Editing:Review</c>: <c>off</c> (every save publishes at once) or <c>required</c> (every
    /// change is a draft until another editor publishes it; docs/decisions/0021).
    /// </summary>
    public bool ReviewRequired { get; init; }

    /// <summary>Where the SQLite file lives when no connection string is configured.</summary>
    public const string DefaultSqliteFile = "data/burdenshift.db";

    public static readonly IReadOnlyList<string> Datasets = ["public-record", "illustrative", "none"];

    /// <summary>
    /// True when no connection string was configured and the SQLite file is the default one,
    /// whose folder the app may create. A configured path must name a folder that exists: a typo
    /// would otherwise create a fresh database somewhere unexpected.
    /// </summary>
    public bool UsesDefaultSqliteFile { get; init; }

    public static BurdenShiftSettings Read(IConfiguration config, string contentRoot)
    {
        var providerText = config[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new StartupConfigurationException(
                $"{ProviderKey} is '{providerText}', which is not a provider BurdenShift knows: set it to Sqlite or Postgres.");
        }

        var connection = config[ConnectionStringKey];
        var usesDefault = false;
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new StartupConfigurationException(
                    $"{ProviderKey} is Postgres but {ConnectionStringKey} is empty: set it, e.g. Host=localhost;Database=burdenshift;Username=burdenshift;Password=...");
            }

            connection = $"Data Source={Path.Combine(contentRoot, DefaultSqliteFile)}";
            usesDefault = true;
        }

        try
        {
            // Parse now, so a malformed string is reported as such rather than as a failed connection.
            _ = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(connection).DataSource
                : new NpgsqlConnectionStringBuilder(connection).Host;
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException(
                $"{ConnectionStringKey} is not a valid {provider} connection string ({ex.Message}): fix {ConnectionStringKey}.", ex);
        }

        var migrateText = config[MigrateKey];
        var migrate = true;
        if (!string.IsNullOrWhiteSpace(migrateText) && !bool.TryParse(migrateText, out migrate))
        {
            throw new StartupConfigurationException($"{MigrateKey} is '{migrateText}': set it to true or false.");
        }

        var dataset = string.IsNullOrWhiteSpace(config[SeedKey]) ? "public-record" : config[SeedKey]!.Trim().ToLowerInvariant();
        if (!Datasets.Contains(dataset))
        {
            throw new StartupConfigurationException(
                $"{SeedKey} is '{config[SeedKey]}': set it to {string.Join(", ", Datasets)}.");
        }

        return new BurdenShiftSettings(provider, connection, migrate, dataset)
        {
            UsesDefaultSqliteFile = usesDefault,
            WaitForMigrations = Seconds(config, WaitForMigrationsKey, TimeSpan.Zero),
            MigrationLockTimeout = Seconds(config, MigrationLockTimeoutKey, TimeSpan.FromMinutes(5)),
            ReviewRequired = ReadReview(config[ReviewKey]),
        };
    }

    private static bool ReadReview(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "off" => false,
        "required" => true,
        _ => throw new StartupConfigurationException($"{ReviewKey} is '{text}': set it to off (every save publishes at once) or required (a second editor publishes each change)."),
    };

    private static TimeSpan Seconds(IConfiguration config, string key, TimeSpan fallback)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new StartupConfigurationException($"{key} is '{text}': set it to a whole number of seconds (0 to 86400).");
    }

    /// <summary>The connection target without credentials, safe to log.</summary>
    public string DescribeTarget()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }

        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}

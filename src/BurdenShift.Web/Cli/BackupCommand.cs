using System.Diagnostics;
using BurdenShift.Core.Backup;

namespace BurdenShift.Web.Cli;

/// <summary>
/// <c>backup FILE [--include-accounts]</c> writes the whole database to a portable archive;
/// <c>restore FILE</c> loads one into an empty database of either provider (see README, "Backup
/// and restore"). Exit code 0 when done, 1 when refused (nothing written), 2 for a usage or
/// configuration error, 3 when the database cannot be reached (see <see cref="CliVerbs"/>).
/// </summary>
internal static class BackupCommand
{
    public const string BackupUsage = "usage: BurdenShift.Web backup FILE [--include-accounts] [--Setting:Name value ...]";

    public const string RestoreUsage = "usage: BurdenShift.Web restore FILE [--Setting:Name value ...]   (into an empty database)";

    /// <param name="verb"><c>backup</c> or <c>restore</c>.</param>
    /// <param name="args">The arguments after the verb.</param>
    public static async Task<int> RunAsync(string verb, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var accounts = args.Contains("--include-accounts");
        var rest = args.Where(a => a != "--include-accounts").ToList();
        if (rest.Count == 0 || rest[0].StartsWith("--", StringComparison.Ordinal) || (accounts && verb == "restore"))
        {
            await stderr.WriteLineAsync(verb == "backup" ? BackupUsage : RestoreUsage);
            return 2;
        }

        var path = ImportCommand.ResolvePath(rest[0]);
        if (verb == "restore" && !File.Exists(path))
        {
            // Checked before the database is even opened (restore migrates it).
            await stderr.WriteLineAsync($"restore: {rest[0]} does not exist.");
            return 1;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            if (verb == "backup")
            {
                await using var app = CliHost.Build(rest.Skip(1));
                var settings = app.Services.GetRequiredService<BurdenShiftSettings>();
                if (settings.Provider == DatabaseProvider.Sqlite && SqliteFile(settings) is { } file && !File.Exists(file))
                {
                    await stderr.WriteLineAsync($"backup: there is no database at {file}.");
                    return 1;
                }

                var written = await app.Services.GetRequiredService<BackupWriter>().WriteAsync(path, accounts);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"backup: wrote {rest[0]}: {written.Rows} rows of {written.Manifest.Tables.Count} tables{(accounts ? ", accounts included" : "")}, " +
                    $"{written.Bytes / 1024.0:0.#} KiB, format version {written.Manifest.FormatVersion}, in {clock.Elapsed.TotalSeconds:0.00} s."));
            }
            else
            {
                await using var app = await CliHost.StartAsync(rest.Skip(1), seed: false);
                var loaded = await app.Services.GetRequiredService<BackupRestorer>().RestoreAsync(path);
                var m = loaded.Manifest;
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"restore: loaded {loaded.Rows} rows of {m.Tables.Count} tables from {rest[0]} (BurdenShift {m.AppVersion} on {m.Provider}, " +
                    $"{m.CreatedAt:yyyy-MM-dd HH:mm} UTC{(m.IncludesAccounts ? ", accounts included" : "")}) into " +
                    $"{app.Services.GetRequiredService<BurdenShiftSettings>().DescribeTarget()} in {clock.Elapsed.TotalSeconds:0.00} s."));
            }

            return 0;
        }
        catch (BackupRefusedException ex)
        {
            await stderr.WriteLineAsync($"{verb}: {ex.Message}");
            return 1;
        }
        catch (StartupConfigurationException ex)
        {
            await stderr.WriteLineAsync($"{verb}: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The archive cannot be written or read where asked (no such folder, no permission).
            await stderr.WriteLineAsync($"{verb}: {ex.Message} Nothing was {(verb == "backup" ? "kept" : "written")}.");
            return 1;
        }
    }

    private static string? SqliteFile(BurdenShiftSettings settings)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        return file is "" or ":memory:" ? null : Path.GetFullPath(file);
    }
}

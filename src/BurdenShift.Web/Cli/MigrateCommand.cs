namespace BurdenShift.Web.Cli;

/// <summary>
/// <c>migrate</c>: applies pending migrations (and seeds an empty database) under the same
/// database lock the app takes, then exits; for upgrades where the instances run with
/// <c>Database:MigrateOnStartup=false</c>. Exit code 0 when the database is up to date, 2 for a
/// usage or configuration error.
/// </summary>
internal static class MigrateCommand
{
    public const string Usage = "usage: BurdenShift.Web migrate [--Setting:Name value ...]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            // The verb's whole point is to migrate, whatever the instances' own setting says.
            await using var app = await CliHost.StartAsync([.. args, $"--{BurdenShiftSettings.MigrateKey}", "true"]);
            var settings = app.Services.GetRequiredService<BurdenShiftSettings>();
            var applied = app.Services.GetRequiredService<DatabaseInitializer>().Applied;
            await stdout.WriteLineAsync(applied.Count == 0
                ? $"migrate: {settings.DescribeTarget()} is up to date."
                : $"migrate: applied {applied.Count} migration(s) to {settings.DescribeTarget()}: {string.Join(", ", applied)}.");
            return 0;
        }
        catch (StartupConfigurationException ex)
        {
            await stderr.WriteLineAsync($"migrate: {ex.Message}");
            return 2;
        }
    }
}

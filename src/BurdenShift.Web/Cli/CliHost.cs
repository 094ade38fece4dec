using BurdenShift.Core;
using Serilog;

namespace BurdenShift.Web.Cli;

/// <summary>
/// The host the command-line verbs run in: the app's configuration (appsettings, environment,
/// <c>--Key value</c>) and Core services on a migrated database, logging only warnings to stderr
/// so stdout stays for the verb's own report. Throws <see cref="StartupConfigurationException"/>.
/// </summary>
internal static class CliHost
{
    /// <param name="seed">False for restore: the database is migrated but left empty.</param>
    public static async Task<WebApplication> StartAsync(IEnumerable<string> configurationArgs, bool seed = true)
    {
        var app = Build(configurationArgs);
        try
        {
            var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
            await (seed ? initializer.InitializeAsync() : initializer.MigrateAsync());
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The host without touching the database (backup reads it as it is).</summary>
    public static WebApplication Build(IEnumerable<string> configurationArgs)
    {
        var builder = WebApplication.CreateBuilder([.. configurationArgs]);
        builder.Services.AddSerilog((_, lc) => lc.MinimumLevel.Warning().WriteTo.Console(
            formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose));
        builder.AddBurdenShiftCore();
        return builder.Build();
    }
}

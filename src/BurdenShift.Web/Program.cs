using BurdenShift.Core;
using BurdenShift.Web;
using BurdenShift.Web.Cli;
using Serilog;

if (await CliVerbs.TryRunAsync(args, Console.In, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
using var startupLog = WebLogging.Configure(new LoggerConfiguration(), builder.Configuration)
    .Enrich.WithProperty("SourceContext", "BurdenShift.Startup").CreateLogger();
try
{
    builder.AddBurdenShiftCore();
    builder.AddBurdenShiftWeb();
    var app = builder.Build();
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<AccountBootstrap>().RunAsync();
    }

    app.UseBurdenShiftWeb();
    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    // One line that names the setting to fix; the stack trace would only hide it.
    startupLog.Fatal("BurdenShift did not start: {Problem}", ex.Message);
    return 1;
}

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;

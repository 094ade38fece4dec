using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>The real app, configured through the same settings an operator would use.</summary>
public sealed class AppFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    /// <summary>Set before the app starts to pin "now" (today's default asOf and entry times).</summary>
    public TimeProvider? Time { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (Time is { } time)
        {
            builder.ConfigureTestServices(s => s.AddSingleton(time));
        }
    }

    public static AppFactory For(TestDatabase database, string dataset = "public-record", TimeProvider? time = null) =>
        new(new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = dataset,
        })
        { Time = time };
}

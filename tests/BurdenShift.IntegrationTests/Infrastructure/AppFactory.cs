using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>The real app, configured through the same settings an operator would use.</summary>
public sealed class AppFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public static AppFactory For(TestDatabase database, string dataset = "public-record") => new(new Dictionary<string, string>
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
        ["Seed:Dataset"] = dataset,
    });
}

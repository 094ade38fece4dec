using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BurdenShift.Bench;

/// <summary>The app on a real Kestrel socket in this process, on its own SQLite file with the public-record dataset.</summary>
internal sealed class InProcessApp : WebApplicationFactory<global::Program>
{
    public InProcessApp()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"burdenshift-circuits-{Guid.NewGuid():N}.db");

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:BurdenShift", $"Data Source={DatabaseFile}");
        builder.UseSetting("Seed:Dataset", "public-record");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(DatabaseFile);
    }
}

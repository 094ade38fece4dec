using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace BurdenShift.E2ETests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel socket (loopback, free port) with its own SQLite file,
/// migrated and seeded on start exactly as `dotnet run` does.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"burdenshift-e2e-{Guid.NewGuid():N}.db");
    private readonly string _dataset;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public AppServer(string dataset = "public-record", IReadOnlyDictionary<string, string>? settings = null)
    {
        _dataset = dataset;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>The SQLite file the app runs on, for a second process (the CLI import) to write to.</summary>
    public string DatabaseFile => _databaseFile;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:BurdenShift", $"Data Source={_databaseFile}");
        builder.UseSetting("Seed:Dataset", _dataset);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}

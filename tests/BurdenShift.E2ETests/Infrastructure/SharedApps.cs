namespace BurdenShift.E2ETests.Infrastructure;

/// <summary>
/// One running app per dataset for the tests that only read, started on first use and shared by
/// the browser collection: starting Kestrel and seeding for every test would triple the suite's time.
/// Tests that write (imports) start their own <see cref="AppServer"/>.
/// </summary>
public sealed class SharedApps : IAsyncLifetime
{
    private readonly Lazy<AppServer> _publicRecord = new(() => new AppServer());
    private readonly Lazy<AppServer> _illustrative = new(() => new AppServer("illustrative"));

    public AppServer PublicRecord => _publicRecord.Value;

    public AppServer Illustrative => _illustrative.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_publicRecord.IsValueCreated)
        {
            await _publicRecord.Value.DisposeAsync();
        }

        if (_illustrative.IsValueCreated)
        {
            await _illustrative.Value.DisposeAsync();
        }
    }
}

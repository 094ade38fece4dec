namespace BurdenShift.Core.Data;

/// <summary>
/// Hands out contexts that read the published record as it stood at <paramref name="knownAt"/>
/// (docs/decisions/0020-knowledge-time.md), on the database of <paramref name="everyday"/>. Code
/// that reads through a factory (the dashboard, the change report) reads at a knowledge time by
/// being given this one: the same queries, the rows as they stood.
/// </summary>
internal sealed class KnownAtContextFactory(IDbContextFactory<BurdenShiftDbContext> everyday, DateTimeOffset knownAt)
    : IDbContextFactory<BurdenShiftDbContext>
{
    public DateTimeOffset KnownAt => knownAt;

    public BurdenShiftDbContext CreateDbContext()
    {
        using var db = everyday.CreateDbContext();
        return db.OpenKnownAt(knownAt);
    }

    public async Task<BurdenShiftDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await everyday.CreateDbContextAsync(cancellationToken);
        return db.OpenKnownAt(knownAt);
    }
}

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// The moment of the latest published change (docs/methodology.md, "Knowledge time"): the
/// latest record is the record as published at that moment, so an answer about the latest record
/// can say <c>knownAt</c> = this moment, and asking again with it gives the same figures whatever
/// is published later. Every published change writes its audit entries and versions at the same
/// moment; the shipped data is known from its seeding. Two index lookups, whatever the history.
/// </summary>
public sealed class LatestPublication(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    public async Task<DateTimeOffset> MomentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.AuditEntries.MaxAsync(a => (DateTimeOffset?)a.At, ct);
        var seeded = await db.DatasetInfo.AsNoTracking().Select(d => (DateTimeOffset?)d.SeededAt).FirstOrDefaultAsync(ct);
        return new[] { changed, seeded }.Max() ?? DateTimeOffset.UnixEpoch;
    }
}

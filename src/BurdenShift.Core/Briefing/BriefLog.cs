namespace BurdenShift.Core.Briefing;

/// <summary>
/// The brief log: every generated briefing pack with who, when, its parameters and its knowledge
/// time, so /briefing-pack can make it again with the same figures.
/// </summary>
public sealed class BriefLog(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    /// <summary>How many of the newest entries the page lists.</summary>
    public const int Shown = 20;

    public async Task RecordAsync(BriefRecord record, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.BriefLog.Add(record);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The newest <see cref="Shown"/> packs, newest first.</summary>
    public async Task<IReadOnlyList<BriefRecord>> RecentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BriefLog.AsNoTracking().OrderByDescending(b => b.GeneratedAt).ThenByDescending(b => b.Id).Take(Shown).ToListAsync(ct);
    }
}

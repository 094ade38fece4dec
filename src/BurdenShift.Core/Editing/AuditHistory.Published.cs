namespace BurdenShift.Core.Editing;

/// <summary>The published changes readers may follow (the change feed, docs/decisions/0021).</summary>
public sealed partial class AuditHistory
{
    /// <summary>
    /// The latest <paramref name="count"/> published changes, overall or of one area (null when
    /// there is no such area), newest first. Every audit entry is a published change: a draft
    /// writes none until it is published (docs/decisions/0021). Who made them is left out, and so
    /// is the publisher a published draft's reason names.
    /// </summary>
    public async Task<IReadOnlyList<PublishedChange>?> GetPublishedAsync(string? areaKey, int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (areaKey is not null && (!InputRules.IsPlausibleKey(areaKey) || !await db.Areas.AnyAsync(a => a.Key == areaKey, ct)))
        {
            return null;
        }

        var query = db.AuditEntries.AsNoTracking();
        query = areaKey is null ? query : query.Where(a => a.AreaKey == areaKey);
        var entries = await query.OrderByDescending(a => a.Id).Take(count).ToListAsync(ct);
        var history = await ToHistoryAsync(db, entries, ct);
        return [.. entries.Zip(history, (e, h) => new PublishedChange(e.Id, e.At, e.Action, e.Summary,
            e.Reason is null ? null : PublisherNote().Replace(e.Reason, "").Trim(), e.AreaKey,
            [.. h.Changes.Where(c => c.Field is not ("entered by" or "deleted by"))]))];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(draft #\d+, published by [^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex PublisherNote();
}

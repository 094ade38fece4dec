using Microsoft.Extensions.Caching.Memory;

namespace BurdenShift.Core.Review;

/// <summary>
/// Each draft's effect is computed once per published data version (docs/decisions/0021): a
/// draft never changes once stored, and its effect changes only when the published record does,
/// which moves the data version. Visits to the queue, by any editor, reuse it; a rehearsal (which
/// on SQLite holds the write lock) runs only for a draft not yet seen at this version.
/// </summary>
public sealed partial class ReviewQueue : IDisposable
{
    // Bounded: (draft, version, as-of date) keys; 25 drafts a page, a handful of versions a session.
    private readonly MemoryCache _effects = new(new MemoryCacheOptions { SizeLimit = 512 });
    private readonly Lock _effectsGate = new();

    /// <summary>
    /// What publishing the draft would change on the dashboard at <paramref name="asOf"/>,
    /// computed once per published data version and shared by every visitor of the queue.
    /// </summary>
    public async Task<DraftPreview> PreviewAsync(long draftId, DateOnly asOf, CancellationToken ct = default)
    {
        // The published version: the data version every save bumps, and the newest audit entry every
        // published change writes (so a write made without the version's interceptor counts too). One command.
        (long, long?) version;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var read = await db.DatasetInfo.AsNoTracking()
                .Select(d => new { d.DataVersion, Audit = db.AuditEntries.Max(a => (long?)a.Id) }).FirstOrDefaultAsync(ct);
            version = (read?.DataVersion ?? 0, read?.Audit);
        }

        var key = (draftId, version, asOf);
        Lazy<Task<DraftPreview>> entry;
        lock (_effectsGate)
        {
            if (!_effects.TryGetValue(key, out entry!))
            {
                // Computed without the caller's cancellation: another visitor may wait for the same task.
                entry = new Lazy<Task<DraftPreview>>(() => ComputePreviewAsync(draftId, asOf, CancellationToken.None));
                _effects.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
            }
        }

        try
        {
            return await entry.Value.WaitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failure is not kept: the next visit tries again.
            lock (_effectsGate)
            {
                _effects.Remove(key);
            }

            throw;
        }
    }

    /// <summary>The pending drafts of one page of the queue, oldest first, each with its first <see cref="RowsShown"/> rows.</summary>
    public async Task<RowPage<DraftView>> GetPendingPageAsync(int page, int pageSize = 25, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.Drafts.CountAsync(d => d.Status == Draft.Pending, ct);
        var last = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var number = Math.Clamp(page, 1, last);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.Status == Draft.Pending).OrderBy(d => d.Id)
            .Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new RowPage<DraftView>(await ViewsAsync(db, drafts, ct), number, pageSize, total);
    }

    public void Dispose() => _effects.Dispose();
}

namespace BurdenShift.Core.Review;

/// <summary>
/// Editors' preview of any page with the pending drafts applied (docs/decisions/0021): the
/// drafts are replayed in the order proposed, in one rehearsal (a transaction that is rolled
/// back), and the page's read runs through <see cref="DashboardService"/> over contexts on that
/// transaction, so a previewed figure is computed by the very code that computes the published
/// one. Nothing is written; the data version does not move.
/// </summary>
public sealed partial class ReviewQueue
{
    /// <summary>At most this many pending drafts are applied in a preview (the oldest).</summary>
    public const int PreviewLimit = 100;

    /// <summary>The pending drafts a preview would apply now, oldest first. One SQL command.</summary>
    public async Task<PendingDrafts> GetPendingIdsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Drafts.AsNoTracking().Where(d => d.Status == Draft.Pending).OrderBy(d => d.Id)
            .Select(d => d.Id).Take(PreviewLimit).ToListAsync(ct);
        return new PendingDrafts(ids);
    }

    /// <summary>
    /// Runs <paramref name="read"/> against the published record with <paramref name="drafts"/>
    /// applied in order (those decided since are skipped; those that could not be published now
    /// are left out and named), then rolls everything back.
    /// </summary>
    public async Task<DraftsApplied<T>> WithDraftsAppliedAsync<T>(
        PendingDrafts drafts, Func<DashboardService, CancellationToken, Task<T>> read, CancellationToken ct = default)
    {
        List<Draft> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = drafts.Ids.ToList();
            pending = await db.Drafts.AsNoTracking().Where(d => ids.Contains(d.Id) && d.Status == Draft.Pending).OrderBy(d => d.Id).ToListAsync(ct);
        }

        var leftOut = new List<string>();
        T value = default!;
        await AuditedWrite.RehearseAsync(dbFactory, time, "preview", null, async (write, ct2) =>
            {
                foreach (var draft in pending)
                {
                    // A savepoint per draft: one that fails (a conflict) is undone and the others still apply.
                    await write.Db.Database.CurrentTransaction!.CreateSavepointAsync($"draft{draft.Id}", ct2);
                    try
                    {
                        var result = await ReplayCheckedAsync(write.Fresh(), draft.Id, DraftRequest.FromJson(draft.Request), ct2);
                        if (!result.Succeeded)
                        {
                            leftOut.Add($"#{draft.Id}: {string.Join(" ", result.Errors.Values)}");
                        }
                    }
                    catch (Exception ex) when (ex is DbUpdateException or DraftConflictException)
                    {
                        await write.Db.Database.CurrentTransaction!.RollbackToSavepointAsync($"draft{draft.Id}", ct2);
                        write.Db.ChangeTracker.Clear();
                        leftOut.Add($"#{draft.Id}: conflicts with a change published since it was proposed");
                    }
                }

                return true;
            },
            async (_, contexts, ct2) => value = await read(new DashboardService(contexts), ct2), ct);
        return new DraftsApplied<T>(value, leftOut);
    }

    /// <summary>
    /// The dashboard at <paramref name="asOf"/> with every pending draft applied in the order
    /// proposed (those that could not be published now are left out and named), for editors'
    /// preview; computed in a transaction that is rolled back.
    /// </summary>
    public async Task<(DashboardOverview Overview, IReadOnlyList<string> LeftOut)> PreviewAllAsync(DateOnly asOf, CancellationToken ct = default)
    {
        var applied = await WithDraftsAppliedAsync(await GetPendingIdsAsync(ct), (dashboard, ct2) => dashboard.GetOverviewAsync(asOf, ct2), ct);
        return (applied.Value, applied.LeftOut);
    }
}

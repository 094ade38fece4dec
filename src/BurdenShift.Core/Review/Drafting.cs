namespace BurdenShift.Core.Review;

/// <summary>
/// Keeps a change as a draft instead of publishing it (<c>Editing:Review = required</c>): the
/// write is rehearsed, with every check the published write makes, in a transaction that is rolled
/// back; if it would succeed, the request and the rows it would write (values before and after)
/// are stored as a <see cref="Draft"/>. Nothing in the published tables changes.
/// </summary>
internal static class Drafting
{
    public static async Task<SaveResult> ProposeAsync(
        IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger logger, string by, string? reason,
        DraftRequest request, Func<AuditedWrite, CancellationToken, Task<SaveResult>> once, Func<Task<SaveResult>> stale, string refused,
        CancellationToken ct)
    {
        IReadOnlyList<AuditEntry> entries = [];
        var result = await AuditedWrite.RefusingAsync(logger, by, "the rehearsal of a draft", async () =>
        {
            (var rehearsed, entries) = await AuditedWrite.RehearseAsync(dbFactory, time, by, reason, once, null, ct);
            return rehearsed;
        }, stale, refused);
        if (!result.Succeeded)
        {
            return result;
        }

        var draftId = await StoreAsync(dbFactory, time, by, reason, request, entries, ct);
        logger.LogInformation("{User} proposed draft {Draft} ({Action}, {Rows} rows)", by, draftId, request.Action, entries.Count);
        // A row that exists keeps its id; one the draft adds has none until it is published.
        var rowId = request.Action == DraftRequest.Save && request.Id is null ? null : request.Id ?? result.Id;
        return new SaveResult(new Dictionary<string, string>(), request.Action == DraftRequest.Import ? null : rowId) { DraftId = draftId };
    }

    private static async Task<long> StoreAsync(
        IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, string by, string? reason, DraftRequest request,
        IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var json = request.ToJson();
        // Chosen once, outside the retried write: an attempt after a lost commit answer finds its draft.
        var key = Guid.NewGuid().ToString("D");
        return await DurableWrite.RunAsync(dbFactory, async (db, ct2) =>
        {
            if (await db.Drafts.Where(d => d.ProposalKey == key).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct2) is { } stored)
            {
                return stored;
            }

            var draft = new Draft
            {
                ProposalKey = key,
                Action = request.Action,
                Description = Describe(request, entries),
                Author = by,
                ProposedAt = at,
                Reason = reason,
                Request = json,
                RowCount = entries.Count,
                Rows = [.. entries.Select(e => new DraftRow
                {
                    Action = e.Action,
                    EntityType = e.EntityType,
                    // A row the draft adds got an id only in the rehearsal: it is not kept.
                    EntityId = e.Action == Audit.AuditTrail.Insert ? null : e.EntityId,
                    Summary = e.Summary,
                    OldValues = e.OldValues,
                    NewValues = e.NewValues,
                    AreaKey = e.AreaKey,
                })],
            };
            db.Drafts.Add(draft);
            await db.SaveChangesAsync(ct2);
            return draft.Id;
        }, ct, landed: (db, ct2) => db.Drafts.AnyAsync(d => d.ProposalKey == key, ct2));
    }

    private static string Describe(DraftRequest request, IReadOnlyList<AuditEntry> entries)
    {
        var first = entries.FirstOrDefault(e => e.EntityType != nameof(Source)) ?? (entries.Count > 0 ? entries[0] : null);
        var what = first?.Summary ?? "no rows";
        var text = request.Action switch
        {
            DraftRequest.Import => $"Import of {entries.Count(e => e.EntityType != nameof(Source))} rows",
            DraftRequest.Undo => $"Undo of import #{request.ChangeSetId}: {entries.Count} rows deleted",
            DraftRequest.Revert => $"Revert of change #{request.AuditId}: {what}",
            DraftRequest.Delete => what,
            _ => first?.Action == Audit.AuditTrail.Insert ? $"Added: {what}" : $"Changed: {what}",
        };
        return text.Length <= Inputs.ColumnLimits.Summary ? text : text[..(Inputs.ColumnLimits.Summary - 3)] + "...";
    }
}

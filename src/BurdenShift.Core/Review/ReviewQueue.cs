namespace BurdenShift.Core.Review;

/// <summary>
/// The review queue (docs/decisions/0021): pending drafts with their rows and effect, and their
/// publication or rejection by an editor or admin who is not the author. Publishing replays the
/// draft's request through the editor or importer inside the one audited write, attributed to the
/// author, with the publisher and the draft named in every audit entry's reason; the moment of
/// publishing is when the change is known. A row changed since the draft was proposed makes
/// publishing a conflict, refused with both versions.
/// </summary>
public sealed partial class ReviewQueue(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<ReviewQueue> logger)
{
    /// <summary>How many rows of each draft the queue shows (an import may hold thousands).</summary>
    public const int RowsShown = 50;

    public async Task<int> CountPendingAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Drafts.CountAsync(d => d.Status == Draft.Pending, ct);
    }

    /// <summary>The oldest pending drafts first (at most <paramref name="max"/>), each with its first <see cref="RowsShown"/> rows.</summary>
    public async Task<IReadOnlyList<DraftView>> GetPendingAsync(int max = 25, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.Status == Draft.Pending).OrderBy(d => d.Id).Take(max).ToListAsync(ct);
        return await ViewsAsync(db, drafts, ct);
    }

    /// <summary>The latest decided drafts, newest first.</summary>
    public async Task<IReadOnlyList<DraftView>> GetDecidedAsync(int max = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.Status != Draft.Pending).OrderByDescending(d => d.Id).Take(max).ToListAsync(ct);
        return await ViewsAsync(db, drafts, ct);
    }

    public async Task<DraftView?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.Id == id).ToListAsync(ct);
        return await ViewsAsync(db, drafts, ct) is [var view, ..] ? view : null;
    }

    private static async Task<IReadOnlyList<DraftView>> ViewsAsync(BurdenShiftDbContext db, List<Draft> drafts, CancellationToken ct)
    {
        var views = new List<DraftView>(drafts.Count);
        foreach (var d in drafts)
        {
            var rows = await db.DraftRows.AsNoTracking().Where(r => r.DraftId == d.Id).OrderBy(r => r.Id).Take(RowsShown).ToListAsync(ct);
            var entries = rows.Select(r => new AuditEntry
            {
                Id = r.Id,
                At = d.ProposedAt,
                By = d.Author,
                Action = r.Action,
                EntityType = r.EntityType,
                EntityId = r.EntityId ?? "",
                Summary = r.Summary,
                OldValues = r.OldValues,
                NewValues = r.NewValues,
                Reason = d.Reason,
                AreaKey = r.AreaKey,
            }).ToList();
            views.Add(new DraftView(d.Id, d.Action, d.Description, d.Author, d.ProposedAt, d.Reason, d.RowCount, d.Status,
                d.DecidedBy, d.DecidedAt, d.DecisionReason, await AuditHistory.ToHistory(db, entries, ct)));
        }

        return views;
    }

    /// <summary>Publishes a pending draft proposed by someone else; the result names the draft.</summary>
    public async Task<SaveResult> PublishAsync(long draftId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var who = FigureEditor.Who(user);
        if (await DecidableAsync(draftId, user, "publish", ct) is { } refusal)
        {
            return refusal;
        }

        Draft draft;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            draft = await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId, ct);
        }

        var request = DraftRequest.FromJson(draft.Request);
        var reason = PublishedReason(draft, who);
        SaveResult result;
        try
        {
            result = await AuditedWrite.RunAsync(dbFactory, time, logger, draft.Author, reason, async (write, ct2) =>
                {
                    var tracked = await write.Db.Drafts.SingleAsync(d => d.Id == draftId, ct2);
                    if (tracked.Status != Draft.Pending)
                    {
                        return Decided(tracked);
                    }

                    var replayed = await ReplayCheckedAsync(write, draftId, request, ct2);
                    if (!replayed.Succeeded)
                    {
                        return replayed;
                    }

                    (tracked.Status, tracked.DecidedBy, tracked.DecidedAt) = (Draft.Published, who, write.At);
                    await write.Db.SaveChangesAsync(ct2);
                    return replayed with { DraftId = draftId };
                },
                () => StaleAsync(draftId, request, ct),
                "The database refused to publish the draft: its values break a rule the figures must meet now, or another row uses the same key. Nothing was published.", ct);
        }
        catch (DraftConflictException conflict)
        {
            logger.LogInformation("Refused to publish draft {Draft} for {User}: {Conflict}", draftId, who, conflict.Message);
            return SaveResult.Refused(FormFields.General, conflict.Message);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("{User} published draft {Draft} by {Author}", who, draftId, draft.Author);
        }

        return result;
    }

    /// <summary>Rejects a pending draft proposed by someone else, with a reason; the published record is not touched.</summary>
    public async Task<SaveResult> RejectAsync(long draftId, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var who = FigureEditor.Who(user);
        if (!Roles.CanWrite(user))
        {
            return NotAllowed(draftId, who, "reject");
        }

        if (ChangeReason.Problem(reason, "Say why you reject this draft: the reason is kept with it for its author.", out var text) is { } problem)
        {
            return SaveResult.Refused(FormFields.Reason, problem);
        }

        if (await DecidableAsync(draftId, user, "reject", ct) is { } refusal)
        {
            return refusal;
        }

        try
        {
            var result = await DurableWrite.RunAsync(dbFactory, async (db, ct2) =>
                {
                    var draft = await db.Drafts.SingleAsync(d => d.Id == draftId, ct2);
                    if (draft.Status != Draft.Pending)
                    {
                        return Decided(draft);
                    }

                    (draft.Status, draft.DecidedBy, draft.DecidedAt, draft.DecisionReason) = (Draft.Rejected, who, time.GetUtcNow(), text);
                    await db.SaveChangesAsync(ct2);
                    return SaveResult.Done(draftId) with { DraftId = draftId };
                }, ct,
                landed: (db, ct2) => db.Drafts.AnyAsync(d => d.Id == draftId && d.Status == Draft.Rejected && d.DecidedBy == who, ct2));
            if (result.Succeeded)
            {
                logger.LogInformation("{User} rejected draft {Draft}: {Reason}", who, draftId, text);
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return await DecidableAsync(draftId, user, "reject", ct) ?? SaveResult.Refused(FormFields.General, "The draft changed meanwhile; reload the queue.");
        }
    }

    // What publishing the draft would change at asOf: the draft is replayed as it would be
    // published, the dashboard computed in the same transaction, and the transaction rolled back.
    // Cached per published data version (ReviewQueue.Effects.cs).
    private async Task<DraftPreview> ComputePreviewAsync(long draftId, DateOnly asOf, CancellationToken ct)
    {
        Draft? draft;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId, ct);
        }

        if (draft is null)
        {
            return new DraftPreview([], $"There is no draft #{draftId}.", null);
        }

        var request = DraftRequest.FromJson(draft.Request);
        var before = await new DashboardService(dbFactory).GetOverviewAsync(asOf, ct);
        DashboardOverview? after = null;
        try
        {
            var (result, _) = await AuditedWrite.RehearseAsync(dbFactory, time, draft.Author, draft.Reason,
                (write, ct2) => ReplayCheckedAsync(write, draftId, request, ct2),
                async (result, contexts, ct2) =>
                {
                    if (result.Succeeded)
                    {
                        after = await new DashboardService(contexts).GetOverviewAsync(asOf, ct2);
                    }
                }, ct);
            if (!result.Succeeded)
            {
                return new DraftPreview([], string.Join(" ", result.Errors.Values), result.Conflict);
            }
        }
        catch (DraftConflictException conflict)
        {
            return new DraftPreview([], conflict.Message, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            var stale = await StaleAsync(draftId, request, ct);
            return new DraftPreview([], string.Join(" ", stale.Errors.Values), stale.Conflict);
        }
        catch (DbUpdateException)
        {
            return new DraftPreview([], "Publishing it now would be refused by the database (a rule the figures must meet, or a key another row uses).", null);
        }

        return new DraftPreview(after is null ? [] : DraftEffects.Compare(before, after), null, null);
    }

    /// <summary>
    /// Replays a draft's request, then checks that every row it changes held, just before, the
    /// values the draft was proposed against: a change published meanwhile is a conflict (a
    /// <see cref="DraftConflictException"/> rolls the write back), never silently overwritten.
    /// </summary>
    private static async Task<SaveResult> ReplayCheckedAsync(AuditedWrite write, long draftId, DraftRequest request, CancellationToken ct)
    {
        var db = write.Db;
        var known = db.ChangeTracker.Entries<AuditEntry>().Select(e => e.Entity).ToHashSet();
        var result = request.Action switch
        {
            DraftRequest.Save => await FigureEditor.SaveOnceAsync(write, new FigureSave(request.Kind!.Value, request.Id, request.Token, request.ParentKey,
                request.Values ?? new Dictionary<string, string?>(), null), null, ct),
            DraftRequest.Delete => await FigureEditor.DeleteOnceAsync(write, Editing.Kinds.FigureHandlers.Of(request.Kind!.Value), request.Id!.Value, request.Token, ct),
            DraftRequest.Revert => await FigureEditor.RevertOnceAsync(write, request.AuditId!.Value, ct),
            DraftRequest.Undo => await Imports.ImportHistory.UndoOnceAsync(write, request.ChangeSetId!.Value, ct),
            DraftRequest.Import => await Imports.FigureImporter.ReplayAsync(write, Convert.FromBase64String(request.File!),
                Enum.Parse<Imports.ImportFormat>(request.Format!), ct),
            _ => SaveResult.Refused(FormFields.General, $"Draft #{draftId} asks for '{request.Action}', which this version cannot publish."),
        };
        if (!result.Succeeded)
        {
            return result;
        }

        var proposed = await db.DraftRows.AsNoTracking().Where(r => r.DraftId == draftId && r.Action != Audit.AuditTrail.Insert)
            .Select(r => new { r.EntityType, r.EntityId, r.OldValues, r.Summary }).ToListAsync(ct);
        var now = db.ChangeTracker.Entries<AuditEntry>().Select(e => e.Entity).Where(e => !known.Contains(e))
            .ToDictionary(e => (e.EntityType, e.EntityId));
        foreach (var row in proposed)
        {
            if (now.TryGetValue((row.EntityType, row.EntityId!), out var entry) && !string.Equals(entry.OldValues, row.OldValues, StringComparison.Ordinal))
            {
                throw new DraftConflictException(row.Summary, row.OldValues, entry.OldValues);
            }
        }

        return result;
    }

    private async Task<SaveResult?> DecidableAsync(long draftId, ClaimsPrincipal user, string verb, CancellationToken ct)
    {
        var who = FigureEditor.Who(user);
        if (!Roles.CanWrite(user))
        {
            return NotAllowed(draftId, who, verb);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null)
        {
            return SaveResult.Refused(FormFields.General, $"There is no draft #{draftId}.");
        }

        if (draft.Status != Draft.Pending)
        {
            return Decided(draft);
        }

        if (string.Equals(draft.Author, who, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused to {Verb} draft {Draft} for {User}: they proposed it", verb, draftId, who);
            return SaveResult.Refused(FormFields.General, $"You proposed draft #{draftId}: another editor or admin must {verb} it.");
        }

        return null;
    }

    private SaveResult NotAllowed(long draftId, string who, string verb)
    {
        logger.LogWarning("Refused to {Verb} draft {Draft} for {User}: not an editor", verb, draftId, who);
        return SaveResult.Refused(FormFields.General, $"Only editors and admins may {verb} drafts.");
    }

    private static SaveResult Decided(Draft draft) => SaveResult.Refused(FormFields.General,
        $"Draft #{draft.Id} was already {draft.Status} by {draft.DecidedBy} on {draft.DecidedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; nothing was changed.");

    private async Task<SaveResult> StaleAsync(long draftId, DraftRequest request, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId, ct) is { Status: not Draft.Pending } decided)
            {
                return Decided(decided);
            }
        }

        const string message = "The row changed since this draft was proposed: publishing it would overwrite that change, so nothing was published. Compare the two versions; reject the draft and propose the change again if it still holds.";
        return request is { Kind: { } kind, Id: { } id }
            ? new SaveResult(new Dictionary<string, string> { [FormFields.General] = message }, null, await FigureEditor.ConflictAsync(dbFactory, kind, id, ct))
            : SaveResult.Refused(FormFields.General, message);
    }

    // The audit trail keeps the author's reason, and who published it from which draft.
    private static string PublishedReason(Draft draft, string publisher)
    {
        var suffix = $"(draft #{draft.Id}, published by {publisher})";
        var room = Inputs.ColumnLimits.Reason - suffix.Length - 1;
        var reason = draft.Reason is null ? "" : draft.Reason.Length <= room ? draft.Reason : draft.Reason[..(room - 3)] + "...";
        return reason.Length == 0 ? suffix : $"{reason} {suffix}";
    }
}

using BurdenShift.Core.Editing.Kinds;
using BurdenShift.Core.Review;

namespace BurdenShift.Core.Imports;

/// <summary>The imports done so far, each a change set, and the undo of one as a whole.</summary>
public sealed class ImportHistory(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<ImportHistory> logger, ReviewPolicy? review = null)
{
    private readonly ReviewPolicy review = review ?? ReviewPolicy.Off;

    public async Task<IReadOnlyList<ImportRecord>> GetImportsAsync(int count = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChangeSets.AsNoTracking().Where(c => c.Kind == "import").OrderByDescending(c => c.Id).Take(count)
            .Select(c => new ImportRecord(c.Id, c.At, c.By, c.Description, c.RowCount, c.UndoneAt, c.UndoneBy)).ToListAsync(ct);
    }

    /// <summary>
    /// Deletes every row an import added, as one audited change set. Refused, writing nothing, if a
    /// row was changed or deleted since: undoing would silently throw that later work away.
    /// </summary>
    public async Task<SaveResult> UndoImportAsync(long changeSetId, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!Roles.CanWrite(user))
        {
            logger.LogWarning("Refused to undo import {ChangeSet} for {User}: not an editor", changeSetId, FigureEditor.Who(user));
            return SaveResult.Refused(FormFields.General, "Only editors and admins may undo imports.");
        }

        // Each deletion keeps the reason with a reference to the import.
        if (ChangeReason.Problem(reason, "Say why you undo this import: the reason is kept with every row it deletes.", out var text,
                $"(undo of import #{changeSetId})", "an undo") is { } reasonProblem)
        {
            return SaveResult.Refused(FormFields.Reason, reasonProblem);
        }

        var by = FigureEditor.Who(user);
        Func<AuditedWrite, CancellationToken, Task<SaveResult>> once = (write, ct2) => UndoOnceAsync(write, changeSetId, ct2);
        Func<Task<SaveResult>> stale = () => Task.FromResult(SaveResult.Refused(FormFields.General, "Some imported rows changed while you undid the import. Reload and try again; nothing was written."));
        const string refused = "The database refused the undo. Nothing was written.";
        var result = review.Required
            ? await Drafting.ProposeAsync(dbFactory, time, logger, by, text, DraftRequest.ForUndo(changeSetId), once, stale, refused, ct)
            : await AuditedWrite.RunAsync(dbFactory, time, logger, by, text, once, stale, refused, ct);
        if (result.Succeeded && result.DraftId is null)
        {
            logger.LogInformation("{User} undid import {ChangeSet}", by, changeSetId);
        }

        return result;
    }

    internal static async Task<SaveResult> UndoOnceAsync(AuditedWrite write, long changeSetId, CancellationToken ct)
    {
        var db = write.Db;
        var set = await db.ChangeSets.FirstOrDefaultAsync(c => c.Id == changeSetId && c.Kind == "import", ct);
        if (set is null)
        {
            return SaveResult.Refused(FormFields.General, $"There is no import #{changeSetId}.");
        }

        if (set.UndoneAt is not null)
        {
            return SaveResult.Refused(FormFields.General, $"Import #{changeSetId} was already undone on {set.UndoneAt:yyyy-MM-dd} by {set.UndoneBy}.");
        }

        var inserts = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ChangeSetId == changeSetId && a.Action == AuditTrail.Insert)
            .Select(a => new { a.Id, a.EntityType, a.EntityId, a.AreaKey }).ToListAsync(ct);
        // Three queries whatever the import's size: what changed since, then the rows per kind.
        var first = inserts.Count == 0 ? 0 : inserts.Min(i => i.Id);
        var changedSince = (await db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > first && a.ChangeSetId != changeSetId)
            .Select(a => new { a.EntityType, a.EntityId }).ToListAsync(ct))
            .Select(a => (a.EntityType, a.EntityId)).ToHashSet();
        var rows = new Dictionary<(string, string), object>();
        foreach (var group in inserts.GroupBy(i => i.EntityType))
        {
            if (FigureHandlers.ForEntityType(group.Key) is { } handler)
            {
                var ids = group.Select(i => long.Parse(i.EntityId, CultureInfo.InvariantCulture)).ToList();
                foreach (var (id, row) in await handler.FindAsync(db, ids, ct))
                {
                    rows[(group.Key, id.ToString(CultureInfo.InvariantCulture))] = row;
                }
            }
        }

        var undone = new List<(ISoftDeletable Row, string? AreaKey)>();
        var touched = new List<string>();
        foreach (var insert in inserts)
        {
            if (FigureHandlers.ForEntityType(insert.EntityType) is not { } handler)
            {
                continue; // New sources stay in the registry: other rows may cite them by now.
            }

            var key = (insert.EntityType, insert.EntityId);
            if (changedSince.Contains(key) || rows.GetValueOrDefault(key) is not ISoftDeletable { DeletedAt: null } row)
            {
                touched.Add($"{handler.Noun} #{insert.EntityId}");
                continue;
            }

            // The import filed each row under its area (an observation under its indicator's).
            undone.Add((row, insert.AreaKey));
        }

        if (touched.Count > 0)
        {
            return SaveResult.Refused(FormFields.General, $"Not undone: {touched.Count} imported row(s) were changed or deleted since ({string.Join(", ", touched.Take(10))}). " +
                "Revert or delete those rows from their history first; nothing was written.");
        }

        write.BelongsTo(new ChangeSet { Kind = "undo", Description = $"Undo of import #{changeSetId}", By = write.By, At = write.At, RowCount = undone.Count });
        (set.UndoneAt, set.UndoneBy) = (write.At, write.By);
        foreach (var (row, areaKey) in undone)
        {
            write.Delete(row, areaKey);
        }

        await write.SaveAsync(ct);
        return SaveResult.Done(changeSetId);
    }
}

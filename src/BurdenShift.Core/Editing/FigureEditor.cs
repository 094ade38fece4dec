using BurdenShift.Core.Editing.Kinds;
using BurdenShift.Core.Review;

namespace BurdenShift.Core.Editing;

/// <summary>
/// Writes editors' changes to areas, share assessments, indicator observations, targets and
/// milestones. Authorization is checked here, on the server, whatever the page showed; every
/// rule is checked before anything is written; a save names the version it edits and is refused
/// if the row changed since; the change and its audit entry (old and new values, who, why) are
/// written in one transaction (<see cref="AuditedWrite"/>), so a failed audit write fails the
/// change. Deleting only marks a row deleted, and any change can be reverted. What differs
/// between kinds lives in their handlers (<see cref="IFigureHandler"/>). Where review is
/// required (<see cref="ReviewPolicy"/>), every change is rehearsed and kept as a draft instead.
/// </summary>
public sealed class FigureEditor(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<FigureEditor> logger, ReviewPolicy? review = null)
{
    private readonly ReviewPolicy review = review ?? ReviewPolicy.Off;

    public async Task<IReadOnlyList<SourceChoice>> GetSourceChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sources.AsNoTracking().OrderBy(s => s.Publisher).ThenBy(s => s.Title)
            .Select(s => new SourceChoice(s.Key, s.Publisher, s.Title)).ToListAsync(ct);
    }

    /// <summary>An empty form for a new row under an area (or indicator, for observations).</summary>
    public async Task<FigureForm?> NewFormAsync(FigureKind kind, string? parentKey, CancellationToken ct = default)
    {
        var handler = FigureHandlers.Of(kind);
        if (handler.ParentNoun is not null && !InputRules.IsPlausibleKey(parentKey))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await handler.NewAsync(db, parentKey, ct) is not { } created)
        {
            return null;
        }

        var values = handler.Fields.ToDictionary(f => f.Name, f => f.Default, StringComparer.Ordinal);
        return new FigureForm(kind, null, null, created.Title, created.AreaKey, parentKey, values, Deleted: false);
    }

    /// <summary>A stored row as its edit form shows it, deleted ones included; null if there is none.</summary>
    public async Task<FigureForm?> LoadAsync(FigureKind kind, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var handler = FigureHandlers.Of(kind);
        return await FindAsync(db, handler, id, ct) is { } row ? await handler.ToFormAsync(db, row, ct) : null;
    }

    /// <summary>Adds a row (no id) or changes one (id and the token of the version edited).</summary>
    public async Task<SaveResult> SaveAsync(FigureSave save, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!Roles.CanWrite(user))
        {
            logger.LogWarning("Refused a {Kind} save by {User}: not an editor", save.Kind, Who(user));
            return SaveResult.Refused(FormFields.General, "Only editors and admins may change figures.");
        }

        // A reason problem is shown with the fields' problems, so it does not end the save here.
        var reasonProblem = ChangeReason.Problem(save.Reason, save.Id is null ? null : "Say why you change it: the reason is kept with the change.", out var reason);
        var by = Who(user);
        var result = await WriteAsync(by, reason, DraftRequest.ForSave(save), (write, ct2) => SaveOnceAsync(write, save, reasonProblem, ct2),
            async () => new SaveResult(new Dictionary<string, string>(), null, await ConflictAsync(dbFactory, save.Kind, save.Id!.Value, ct)),
            "The database refused the change (another row may already use this key). Nothing was written.", ct);
        if (result.Succeeded && result.DraftId is null)
        {
            logger.LogInformation("{User} {Action} {Kind} {Id}", by, save.Id is null ? "added" : "changed", save.Kind, result.Id);
        }

        return result;
    }

    internal static async Task<SaveResult> SaveOnceAsync(AuditedWrite write, FigureSave save, string? reasonProblem, CancellationToken ct)
    {
        var db = write.Db;
        var handler = FigureHandlers.Of(save.Kind);
        var adding = save.Id is null;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reasonProblem is not null)
        {
            errors[FormFields.Reason] = reasonProblem;
        }

        object row;
        string? areaKey;
        if (adding)
        {
            var created = handler.ParentNoun is not null && !InputRules.IsPlausibleKey(save.ParentKey) ? null : await handler.NewAsync(db, save.ParentKey, ct);
            if (created is null)
            {
                errors[FormFields.General] = $"There is no {handler.ParentNoun} with the key '{InputRules.Shown(save.ParentKey ?? "")}'.";
                return new SaveResult(errors, null);
            }

            (row, areaKey) = (created.Row, created.AreaKey);
        }
        else
        {
            if (await FindAsync(db, handler, save.Id!.Value, ct) is not { } found)
            {
                return SaveResult.Refused(FormFields.General, $"This {handler.Noun} no longer exists.");
            }

            if (found is ISoftDeletable { DeletedAt: not null })
            {
                return SaveResult.Refused(FormFields.General, $"This {handler.Noun} was deleted. Revert the deletion from its history to edit it again.");
            }

            if (string.IsNullOrEmpty(save.Token) || !db.ExpectRowVersion(found, save.Token))
            {
                return SaveResult.Refused(FormFields.General, "The form does not say which version it edits. Reload the page and make the change again.");
            }

            row = found;
            areaKey = await handler.AreaKeyOfAsync(db, row, ct);
        }

        var entry = db.Entry(row);
        var before = adding ? null : AuditTrail.Snapshot(entry);
        var values = new FormValues(save.Values, errors);
        await handler.ApplyAsync(db, row, values, adding, ct);
        var newSource = save.Kind.CitesSource() ? await FormSource.ResolveAsync(db, handler, row, values, ct) : null;
        if (errors.Count > 0)
        {
            return new SaveResult(errors, null);
        }

        // Figures that record who entered them are stamped by every save.
        if (entry.Metadata.FindProperty(nameof(ShareAssessment.EnteredBy)) is not null)
        {
            entry.Property(nameof(ShareAssessment.EnteredBy)).CurrentValue = write.By;
            entry.Property(nameof(ShareAssessment.EnteredAt)).CurrentValue = write.At;
        }

        if (before is not null && newSource is null && AuditTrail.ChangedFields(AuditTrail.Serialize(before), AuditTrail.Serialize(AuditTrail.Snapshot(entry)))
                .All(f => f is nameof(ShareAssessment.EnteredBy) or nameof(ShareAssessment.EnteredAt)))
        {
            return SaveResult.Refused(FormFields.General, "Nothing changed: the values are the ones stored.");
        }

        if (newSource is not null)
        {
            (newSource.EnteredBy, newSource.EnteredAt) = (write.By, write.At);
            write.Insert(newSource, null);
        }

        if (before is null)
        {
            areaKey ??= await handler.AreaKeyOfAsync(db, row, ct);
            write.Insert(row, areaKey);
            foreach (var companion in await handler.AddedWithAsync(db, row, ct))
            {
                write.Insert(companion, areaKey);
            }
        }
        else
        {
            write.Updated(row, before, areaKey);
        }

        await write.SaveAsync(ct);
        return SaveResult.Done(Convert.ToInt64(entry.Property("Id").CurrentValue, CultureInfo.InvariantCulture));
    }

    /// <summary>Marks a row deleted (it stays, with its history, and can be restored by a revert).</summary>
    public async Task<SaveResult> DeleteAsync(FigureKind kind, long id, string? token, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!Roles.CanWrite(user))
        {
            logger.LogWarning("Refused a {Kind} delete by {User}: not an editor", kind, Who(user));
            return SaveResult.Refused(FormFields.General, "Only editors and admins may delete figures.");
        }

        if (ChangeReason.Problem(reason, "Say why you delete it: the reason is kept with the deletion.", out var text) is { } reasonProblem)
        {
            return SaveResult.Refused(FormFields.Reason, reasonProblem);
        }

        var by = Who(user);
        var result = await WriteAsync(by, text, DraftRequest.ForDelete(kind, id, token), (write, ct2) => DeleteOnceAsync(write, FigureHandlers.Of(kind), id, token, ct2),
            async () => new SaveResult(new Dictionary<string, string>(), null, await ConflictAsync(dbFactory, kind, id, ct)),
            "The database refused the deletion. Nothing was written.", ct);
        if (result.Succeeded && result.DraftId is null)
        {
            logger.LogInformation("{User} deleted {Kind} {Id}: {Reason}", by, kind, id, text);
        }

        return result;
    }

    internal static async Task<SaveResult> DeleteOnceAsync(AuditedWrite write, IFigureHandler handler, long id, string? token, CancellationToken ct)
    {
        if (await FindAsync(write.Db, handler, id, ct) is not ISoftDeletable row)
        {
            return SaveResult.Refused(FormFields.General, $"This {handler.Noun} no longer exists.");
        }

        if (row.DeletedAt is not null)
        {
            return SaveResult.Refused(FormFields.General, $"This {handler.Noun} is already deleted.");
        }

        if (string.IsNullOrEmpty(token) || !write.Db.ExpectRowVersion(row, token))
        {
            return SaveResult.Refused(FormFields.General, "The form does not say which version it deletes. Reload the page and try again.");
        }

        write.Delete(row, await handler.AreaKeyOfAsync(write.Db, row, ct));
        await write.SaveAsync(ct);
        return SaveResult.Done(id);
    }

    /// <summary>
    /// Undoes one audited change: an insert is deleted, an update or a deletion has the fields it
    /// changed put back to their old values. The revert is itself audited, so it can be reverted.
    /// </summary>
    public async Task<SaveResult> RevertAsync(long auditId, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!Roles.CanWrite(user))
        {
            logger.LogWarning("Refused a revert of change {Audit} by {User}: not an editor", auditId, Who(user));
            return SaveResult.Refused(FormFields.General, "Only editors and admins may revert changes.");
        }

        if (ChangeReason.Problem(reason, "Say why you revert this change: the reason is kept with the revert.", out var text,
                $"(reverts change #{auditId})", "a revert") is { } reasonProblem)
        {
            return SaveResult.Refused(FormFields.Reason, reasonProblem);
        }

        var by = Who(user);
        var result = await WriteAsync(by, text, DraftRequest.ForRevert(auditId), (write, ct2) => RevertOnceAsync(write, auditId, ct2),
            () => Task.FromResult(SaveResult.Refused(FormFields.General, "The row changed while you reverted. Reload the history and try again.")),
            "The database refused the revert: the old values break a rule the figures must meet now, or another row uses the same key. Nothing was written.", ct);
        if (result.Succeeded && result.DraftId is null)
        {
            logger.LogInformation("{User} reverted change {Audit} ({Id})", by, auditId, result.Id);
        }

        return result;
    }

    internal static async Task<SaveResult> RevertOnceAsync(AuditedWrite write, long auditId, CancellationToken ct)
    {
        var db = write.Db;
        var audit = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, ct);
        if (audit is null)
        {
            return SaveResult.Refused(FormFields.General, $"There is no change #{auditId}.");
        }

        if (FigureHandlers.ForEntityType(audit.EntityType) is not { } handler || !long.TryParse(audit.EntityId, CultureInfo.InvariantCulture, out var id))
        {
            return SaveResult.Refused(FormFields.General, "Changes to the source registry cannot be reverted here.");
        }

        if (await FindAsync(db, handler, id, ct) is not ISoftDeletable row)
        {
            return SaveResult.Refused(FormFields.General, $"The {handler.Noun} of change #{auditId} no longer exists.");
        }

        var areaKey = await handler.AreaKeyOfAsync(db, row, ct);
        if (audit.Action == AuditTrail.Insert)
        {
            if (row.DeletedAt is not null)
            {
                return SaveResult.Refused(FormFields.General, $"The {handler.Noun} this change added is already deleted.");
            }

            write.Delete(row, areaKey);
        }
        else
        {
            var entry = db.Entry(row);
            var fields = AuditTrail.ChangedFields(audit.OldValues, audit.NewValues);
            var reverted = AuditTrail.Read(audit.OldValues);
            var current = AuditTrail.Read(AuditTrail.Serialize(AuditTrail.Snapshot(entry)));
            if (fields.All(f => string.Equals(reverted.GetValueOrDefault(f), current.GetValueOrDefault(f), StringComparison.Ordinal)))
            {
                return SaveResult.Refused(FormFields.General, "The values are already the ones from before this change: there is nothing to revert.");
            }

            write.Update(row, () => AuditTrail.Apply(entry, audit.OldValues!, fields), areaKey);
        }

        await write.SaveAsync(ct);
        return SaveResult.Done(id);
    }

    /// <summary>Adds a share assessment from the quick form on an area page.</summary>
    public Task<SaveResult> AddShareAssessmentAsync(ShareAssessmentDraft draft, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var values = new Dictionary<string, string?>
        {
            [FormFields.AsOf] = draft.AsOf?.ToString(InputRules.DateFormat, CultureInfo.InvariantCulture),
            [FormFields.EuropeShare] = draft.EuropeShare?.ToString(CultureInfo.InvariantCulture),
            [FormFields.UsShare] = draft.UsShare?.ToString(CultureInfo.InvariantCulture),
            [FormFields.Confidence] = draft.Confidence?.ToWire(),
            [FormFields.Source] = draft.SourceKey,
            [FormFields.SourcePublisher] = draft.NewSourcePublisher,
            [FormFields.SourceTitle] = draft.NewSourceTitle,
            [FormFields.SourceUrl] = draft.NewSourceUrl,
            [FormFields.Note] = draft.Note,
        };
        return SaveAsync(new FigureSave(FigureKind.Assessment, null, null, draft.AreaKey, values, null), user, ct);
    }

    /// <summary>Publishes the change at once, or keeps it as a draft where review is required.</summary>
    private Task<SaveResult> WriteAsync(string by, string? reason, DraftRequest request, Func<AuditedWrite, CancellationToken, Task<SaveResult>> once,
        Func<Task<SaveResult>> stale, string refused, CancellationToken ct) =>
        review.Required
            ? Drafting.ProposeAsync(dbFactory, time, logger, by, reason, request, once, stale, refused, ct)
            : AuditedWrite.RunAsync(dbFactory, time, logger, by, reason, once, stale, refused, ct);

    internal static string Who(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? InputRules.Attribution(name) : "anonymous";

    private static async Task<object?> FindAsync(BurdenShiftDbContext db, IFigureHandler handler, long id, CancellationToken ct) =>
        (await handler.FindAsync(db, [id], ct)).Select(r => r.Row).FirstOrDefault();

    internal static async Task<EditConflict> ConflictAsync(IDbContextFactory<BurdenShiftDbContext> dbFactory, FigureKind kind, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var handler = FigureHandlers.Of(kind);
        var type = handler.EntityType.Name;
        var key = id.ToString(CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == key)
            .OrderByDescending(a => a.Id).Select(a => new { a.By, a.At }).FirstOrDefaultAsync(ct);
        var stored = await FindAsync(db, handler, id, ct) is { } row
            ? await handler.ToFormAsync(db, row, ct)
            : new FigureForm(kind, id, null, $"This {handler.Noun} no longer exists", null, null, new Dictionary<string, string?>(), Deleted: true);
        return new EditConflict(stored, last?.By, last?.At);
    }
}

using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using BurdenShift.Core.Accounts;
using BurdenShift.Core.Audit;
using BurdenShift.Core.Data;
using BurdenShift.Core.Data.Seeding;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;

namespace BurdenShift.Core.Editing;

/// <summary>What an editor typed for a new share assessment; anything may be missing or wrong.</summary>
public sealed record ShareAssessmentDraft(
    string AreaKey,
    DateOnly? AsOf,
    decimal? EuropeShare,
    decimal? UsShare,
    Confidence? Confidence,
    string? SourceKey,
    string? NewSourcePublisher,
    string? NewSourceTitle,
    string? NewSourceUrl,
    string? Note);

public sealed record SourceChoice(string Key, string Publisher, string Title);

/// <summary>
/// Writes editors' changes to areas, share assessments, indicator observations, targets and
/// milestones. Authorization is checked here, on the server, whatever the page showed; every
/// rule is checked before anything is written; a save names the version it edits and is refused
/// if the row changed since; the change and its audit entry (old and new values, who, why) are
/// written in one transaction, so a failed audit write fails the change. Deleting only marks a
/// row deleted, and any change can be reverted.
/// </summary>
public sealed partial class FigureEditor(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<FigureEditor> logger)
{
    public static bool CanWrite(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin));

    public async Task<IReadOnlyList<SourceChoice>> GetSourceChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sources.AsNoTracking().OrderBy(s => s.Publisher).ThenBy(s => s.Title)
            .Select(s => new SourceChoice(s.Key, s.Publisher, s.Title)).ToListAsync(ct);
    }

    /// <summary>The id of an area's target, for links from pages that show targets by key.</summary>
    public async Task<long?> FindTargetIdAsync(string areaKey, string targetKey, CancellationToken ct = default)
    {
        if (!InputRules.IsPlausibleKey(areaKey) || !InputRules.IsPlausibleKey(targetKey))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Targets.Where(t => t.Area!.Key == areaKey && t.Key == targetKey).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The id of an area, for its edit link.</summary>
    public async Task<long?> FindAreaIdAsync(string areaKey, CancellationToken ct = default)
    {
        if (!InputRules.IsPlausibleKey(areaKey))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Areas.Where(a => a.Key == areaKey).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>An empty form for a new row under an area (or indicator, for observations).</summary>
    public async Task<FigureForm?> NewFormAsync(FigureKind kind, string? parentKey, CancellationToken ct = default)
    {
        if (kind != FigureKind.Area && !InputRules.IsPlausibleKey(parentKey))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string? areaKey = null;
        string title;
        switch (kind)
        {
            case FigureKind.Area:
                title = "New capability area";
                break;
            case FigureKind.Observation:
                var indicator = await db.Indicators.Where(i => i.Key == parentKey).Select(i => new { i.Name, Area = i.Area!.Key }).FirstOrDefaultAsync(ct);
                if (indicator is null)
                {
                    return null;
                }

                (areaKey, title) = (indicator.Area, $"New observation of {indicator.Name}");
                break;
            default:
                var area = await db.Areas.Where(a => a.Key == parentKey).Select(a => a.Name).FirstOrDefaultAsync(ct);
                if (area is null)
                {
                    return null;
                }

                (areaKey, title) = (parentKey, $"New {kind.Noun()} for {area}");
                break;
        }

        var values = kind.Fields().ToDictionary(f => f.Name, f => (string?)null, StringComparer.Ordinal);
        if (kind == FigureKind.Area)
        {
            values["weight"] = "1";
        }
        else if (kind == FigureKind.Milestone)
        {
            values["status"] = "planned";
        }

        return new FigureForm(kind, null, null, title, areaKey, parentKey, values, Deleted: false);
    }

    /// <summary>A stored row as its edit form shows it, deleted ones included; null if there is none.</summary>
    public async Task<FigureForm?> LoadAsync(FigureKind kind, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await FindAsync(db, kind, id, ct);
        return entity is null ? null : await ToFormAsync(db, kind, entity, ct);
    }

    /// <summary>Adds a row (no id) or changes one (id and the token of the version edited).</summary>
    public async Task<SaveResult> SaveAsync(FigureSave save, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!CanWrite(user))
        {
            logger.LogWarning("Refused a {Kind} save by {User}: not an editor", save.Kind, Who(user));
            return SaveResult.Refused("", "Only editors and admins may change figures.");
        }

        var by = Who(user);
        try
        {
            // Read, checked and written again from the start if the connection drops (see DurableWrite).
            return await DurableWrite.RunAsync(dbFactory, (db, ct2) => SaveOnceAsync(db, save, by, ct2), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Refused a stale {Kind} {Id} save by {User}: it changed since they loaded it", save.Kind, save.Id, by);
            return new SaveResult(new Dictionary<string, string>(), null, await ConflictAsync(save.Kind, save.Id!.Value, ct));
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "The database refused a {Kind} save by {User}", save.Kind, by);
            return SaveResult.Refused("", "The database refused the change (another row may already use this key). Nothing was written.");
        }
    }

    private async Task<SaveResult> SaveOnceAsync(BurdenShiftDbContext db, FigureSave save, string by, CancellationToken ct)
    {
        var adding = save.Id is null;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!adding && string.IsNullOrWhiteSpace(save.Reason))
        {
            errors["reason"] = "Say why you change it: the reason is kept with the change.";
        }
        else if (save.Reason is { } reason && InputRules.TextProblem(reason.Trim(), ColumnLimits.Reason, multiline: true) is { } reasonProblem)
        {
            errors["reason"] = $"The reason {reasonProblem}.";
        }

        object? entity;
        string? areaKey;
        if (adding)
        {
            (entity, areaKey) = await CreateAsync(db, save.Kind, save.ParentKey, errors, ct);
        }
        else
        {
            entity = await FindAsync(db, save.Kind, save.Id!.Value, ct);
            if (entity is null)
            {
                return SaveResult.Refused("", $"This {save.Kind.Noun()} no longer exists.");
            }

            if (entity is ISoftDeletable { DeletedAt: not null })
            {
                return SaveResult.Refused("", $"This {save.Kind.Noun()} was deleted. Revert the deletion from its history to edit it again.");
            }

            if (string.IsNullOrEmpty(save.Token) || !db.ExpectRowVersion(entity, save.Token))
            {
                return SaveResult.Refused("", "The form does not say which version it edits. Reload the page and make the change again.");
            }

            areaKey = await AreaKeyOfAsync(db, entity, ct);
        }

        if (entity is null)
        {
            return new SaveResult(errors, null);
        }

        var entry = db.Entry(entity);
        var before = adding ? null : AuditTrail.Snapshot(entry);
        var values = new FormValues(save.Values, errors);
        await ApplyAsync(db, save.Kind, entity, values, adding, ct);
        var newSource = save.Kind == FigureKind.Area ? null : await ResolveSourceAsync(db, save.Kind, entity, values, ct);
        if (errors.Count > 0)
        {
            return new SaveResult(errors, null);
        }

        var now = time.GetUtcNow();
        if (entity is ShareAssessment or IndicatorObservation)
        {
            entry.Property(nameof(ShareAssessment.EnteredBy)).CurrentValue = by;
            entry.Property(nameof(ShareAssessment.EnteredAt)).CurrentValue = now;
        }

        if (!adding && AuditTrail.ChangedFields(AuditTrail.Serialize(before!), AuditTrail.Serialize(AuditTrail.Snapshot(entry)))
                .All(f => f is nameof(ShareAssessment.EnteredBy) or nameof(ShareAssessment.EnteredAt)) && newSource is null)
        {
            return SaveResult.Refused("", "Nothing changed: the values are the ones stored.");
        }

        if (adding)
        {
            db.Add(entity);
        }

        var audits = new List<(EntityEntry Row, string Action, Dictionary<string, object?>? Old)>();
        if (newSource is not null)
        {
            newSource.EnteredBy = by;
            newSource.EnteredAt = now;
            audits.Add((db.Entry(newSource), AuditTrail.Insert, null));
        }

        audits.Add((entry, adding ? AuditTrail.Insert : AuditTrail.Update, before));
        if (adding && entity is CapabilityArea area)
        {
            audits.AddRange((await AddStandardTargetsAsync(db, area, ct)).Select(t => (db.Entry((object)t), AuditTrail.Insert, (Dictionary<string, object?>?)null)));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (row, action, old) in audits)
        {
            db.AuditEntries.Add(AuditTrail.Entry(action, row, old, AuditTrail.Snapshot(row), by, now,
                AuditTrail.Describe(row.Entity), save.Reason, row.Entity is Source ? null : areaKey ?? (entity as CapabilityArea)?.Key));
        }

        // Same transaction: if the audit entry cannot be written, the change is not either.
        await db.SaveChangesAsync(ct);
        var id = Convert.ToInt64(entry.Property("Id").CurrentValue, CultureInfo.InvariantCulture);
        logger.LogInformation("{User} {Action} {Kind} {Id}: {Summary}", by, adding ? "added" : "changed", save.Kind, id, AuditTrail.Describe(entity));
        return SaveResult.Done(id);
    }

    /// <summary>Marks a row deleted (it stays, with its history, and can be restored by a revert).</summary>
    public async Task<SaveResult> DeleteAsync(FigureKind kind, long id, string? token, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!CanWrite(user))
        {
            logger.LogWarning("Refused a {Kind} delete by {User}: not an editor", kind, Who(user));
            return SaveResult.Refused("", "Only editors and admins may delete figures.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return SaveResult.Refused("reason", "Say why you delete it: the reason is kept with the deletion.");
        }

        if (InputRules.TextProblem(reason.Trim(), ColumnLimits.Reason, multiline: true) is { } reasonProblem)
        {
            return SaveResult.Refused("reason", $"The reason {reasonProblem}.");
        }

        var by = Who(user);
        try
        {
            var result = await DurableWrite.RunAsync(dbFactory, (db, ct2) => DeleteOnceAsync(db, kind, id, token, reason, by, ct2), ct);
            if (result.Succeeded)
            {
                logger.LogInformation("{User} deleted {Kind} {Id}: {Reason}", by, kind, id, reason);
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(new Dictionary<string, string>(), null, await ConflictAsync(kind, id, ct));
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "The database refused the deletion of {Kind} {Id} by {User}", kind, id, by);
            return SaveResult.Refused("", "The database refused the deletion. Nothing was written.");
        }
    }

    private async Task<SaveResult> DeleteOnceAsync(BurdenShiftDbContext db, FigureKind kind, long id, string? token, string reason, string by, CancellationToken ct)
    {
        var entity = await FindAsync(db, kind, id, ct);
        if (entity is not ISoftDeletable deletable)
        {
            return SaveResult.Refused("", $"This {kind.Noun()} no longer exists.");
        }

        if (deletable.DeletedAt is not null)
        {
            return SaveResult.Refused("", $"This {kind.Noun()} is already deleted.");
        }

        if (string.IsNullOrEmpty(token) || !db.ExpectRowVersion(entity, token))
        {
            return SaveResult.Refused("", "The form does not say which version it deletes. Reload the page and try again.");
        }

        var now = time.GetUtcNow();
        var areaKey = await AreaKeyOfAsync(db, entity, ct);
        await WriteAsync(db, by, now, [(entity, () => { deletable.DeletedAt = now; deletable.DeletedBy = by; })], AuditTrail.Delete,
            _ => areaKey, reason, null, ct);
        return SaveResult.Done(id);
    }

    /// <summary>
    /// Undoes one audited change: an insert is deleted, an update or a deletion has the fields it
    /// changed put back to their old values. The revert is itself audited, so it can be reverted.
    /// </summary>
    public async Task<SaveResult> RevertAsync(long auditId, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!CanWrite(user))
        {
            logger.LogWarning("Refused a revert of change {Audit} by {User}: not an editor", auditId, Who(user));
            return SaveResult.Refused("", "Only editors and admins may revert changes.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return SaveResult.Refused("reason", "Say why you revert this change: the reason is kept with the revert.");
        }

        // The audit trail keeps the reason with a reference to the change (at most 1000 characters in all).
        if (InputRules.TextProblem(reason.Trim(), ColumnLimits.Reason, multiline: true) is { } reasonProblem)
        {
            return SaveResult.Refused("reason", $"The reason {reasonProblem}.");
        }

        var text = $"{reason.Trim()} (reverts change #{auditId})";
        if (text.Length > ColumnLimits.Reason)
        {
            return SaveResult.Refused("reason", $"At most {1000 - (text.Length - reason.Trim().Length)} characters for a revert (this is {reason.Trim().Length}).");
        }

        var by = Who(user);
        try
        {
            var result = await DurableWrite.RunAsync(dbFactory, (db, ct2) => RevertOnceAsync(db, auditId, text, by, ct2), ct);
            if (result.Succeeded)
            {
                logger.LogInformation("{User} reverted change {Audit} ({Id})", by, auditId, result.Id);
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Refused("", "The row changed while you reverted. Reload the history and try again.");
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "The database refused the revert of change {Audit} by {User}", auditId, by);
            return SaveResult.Refused("", "The database refused the revert: the old values break a rule the figures must meet now, or another row uses the same key. Nothing was written.");
        }
    }

    private async Task<SaveResult> RevertOnceAsync(BurdenShiftDbContext db, long auditId, string text, string by, CancellationToken ct)
    {
        var audit = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, ct);
        if (audit is null)
        {
            return SaveResult.Refused("", $"There is no change #{auditId}.");
        }

        if (FigureKinds.FromEntityType(audit.EntityType) is not { } kind || !long.TryParse(audit.EntityId, CultureInfo.InvariantCulture, out var id))
        {
            return SaveResult.Refused("", "Changes to the source registry cannot be reverted here.");
        }

        var entity = await FindAsync(db, kind, id, ct);
        if (entity is not ISoftDeletable deletable)
        {
            return SaveResult.Refused("", $"The {kind.Noun()} of change #{auditId} no longer exists.");
        }

        var entry = db.Entry(entity);
        var wasDeleted = deletable.DeletedAt is not null;
        var now = time.GetUtcNow();
        Action apply;
        if (audit.Action == AuditTrail.Insert)
        {
            if (wasDeleted)
            {
                return SaveResult.Refused("", $"The {kind.Noun()} this change added is already deleted.");
            }

            apply = () => { deletable.DeletedAt = now; deletable.DeletedBy = by; };
        }
        else
        {
            var fields = AuditTrail.ChangedFields(audit.OldValues, audit.NewValues);
            apply = () => AuditTrail.Apply(entry, audit.OldValues!, fields);
            var current = AuditTrail.Serialize(AuditTrail.Snapshot(entry));
            var reverted = AuditTrail.Read(audit.OldValues);
            var now2 = AuditTrail.Read(current);
            if (fields.All(f => string.Equals(reverted.GetValueOrDefault(f), now2.GetValueOrDefault(f), StringComparison.Ordinal)))
            {
                return SaveResult.Refused("", "The values are already the ones from before this change: there is nothing to revert.");
            }
        }

        var areaKey = await AreaKeyOfAsync(db, entity, ct);
        await WriteAsync(db, by, now, [(entity, apply)], null, _ => areaKey, text, null, ct);
        return SaveResult.Done(id);
    }

    /// <summary>
    /// Applies changes to tracked rows and writes one audit entry per row, in the caller's
    /// transaction (run it inside <see cref="DurableWrite"/>).
    /// The action is <c>delete</c> when a row becomes deleted, <c>update</c> otherwise (or as given).
    /// </summary>
    internal static async Task WriteAsync(
        BurdenShiftDbContext db, string by, DateTimeOffset now, IReadOnlyList<(object Entity, Action Apply)> changes, string? action,
        Func<object, string?> areaKey, string? reason, Func<long?>? changeSetId, CancellationToken ct)
    {
        var rows = new List<(EntityEntry Entry, Dictionary<string, object?> Old, bool WasDeleted)>();
        foreach (var (entity, apply) in changes)
        {
            var entry = db.Entry(entity);
            rows.Add((entry, AuditTrail.Snapshot(entry), ((ISoftDeletable)entity).DeletedAt is not null));
            apply();
        }

        await db.SaveChangesAsync(ct);
        foreach (var (entry, old, wasDeleted) in rows)
        {
            var isDeleted = ((ISoftDeletable)entry.Entity).DeletedAt is not null;
            var verb = action ?? (isDeleted && !wasDeleted ? AuditTrail.Delete : AuditTrail.Update);
            var summary = (verb == AuditTrail.Delete ? "Deleted: " : wasDeleted && !isDeleted ? "Restored: " : "") + AuditTrail.Describe(entry.Entity);
            db.AuditEntries.Add(AuditTrail.Entry(verb, entry, old, AuditTrail.Snapshot(entry), by, now, summary, reason, areaKey(entry.Entity), changeSetId?.Invoke()));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a share assessment from the quick form on an area page.</summary>
    public Task<SaveResult> AddShareAssessmentAsync(ShareAssessmentDraft draft, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var values = new Dictionary<string, string?>
        {
            ["asOf"] = draft.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["europeShare"] = draft.EuropeShare?.ToString(CultureInfo.InvariantCulture),
            ["usShare"] = draft.UsShare?.ToString(CultureInfo.InvariantCulture),
            ["confidence"] = draft.Confidence?.ToWire(),
            [FigureKinds.SourceField] = draft.SourceKey,
            [FigureKinds.SourcePublisher] = draft.NewSourcePublisher,
            [FigureKinds.SourceTitle] = draft.NewSourceTitle,
            [FigureKinds.SourceUrl] = draft.NewSourceUrl,
            ["note"] = draft.Note,
        };
        return SaveAsync(new FigureSave(FigureKind.Assessment, null, null, draft.AreaKey, values, null), user, ct);
    }

    private static string Who(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? InputRules.Attribution(name) : "anonymous";

    internal static async Task<object?> FindAsync(BurdenShiftDbContext db, FigureKind kind, long id, CancellationToken ct) => kind switch
    {
        FigureKind.Area => await db.Areas.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct),
        FigureKind.Assessment => await db.ShareAssessments.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct),
        FigureKind.Observation => await db.IndicatorObservations.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct),
        FigureKind.Target => await db.Targets.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct),
        FigureKind.Milestone => await db.Milestones.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct),
        _ => null,
    };

    /// <summary>Rows of one kind by id, deleted ones included, in one query.</summary>
    internal static async Task<List<(long Id, object Entity)>> FindManyAsync(BurdenShiftDbContext db, FigureKind kind, List<long> ids, CancellationToken ct) => kind switch
    {
        FigureKind.Area => [.. (await db.Areas.IgnoreQueryFilters().Where(x => ids.Contains(x.Id)).ToListAsync(ct)).Select(x => ((long)x.Id, (object)x))],
        FigureKind.Assessment => [.. (await db.ShareAssessments.IgnoreQueryFilters().Where(x => ids.Contains(x.Id)).ToListAsync(ct)).Select(x => (x.Id, (object)x))],
        FigureKind.Observation => [.. (await db.IndicatorObservations.IgnoreQueryFilters().Where(x => ids.Contains(x.Id)).ToListAsync(ct)).Select(x => (x.Id, (object)x))],
        FigureKind.Target => [.. (await db.Targets.IgnoreQueryFilters().Where(x => ids.Contains(x.Id)).ToListAsync(ct)).Select(x => ((long)x.Id, (object)x))],
        FigureKind.Milestone => [.. (await db.Milestones.IgnoreQueryFilters().Where(x => ids.Contains(x.Id)).ToListAsync(ct)).Select(x => ((long)x.Id, (object)x))],
        _ => [],
    };

    /// <summary>The key of the area a row belongs to (its own for an area), deleted areas included.</summary>
    internal static async Task<string?> AreaKeyOfAsync(BurdenShiftDbContext db, object entity, CancellationToken ct)
    {
        int? areaId = entity switch
        {
            CapabilityArea a => a.Id,
            ShareAssessment s => s.AreaId,
            Target t => t.AreaId ?? await db.Indicators.Where(i => i.Id == t.IndicatorId).Select(i => i.AreaId).FirstOrDefaultAsync(ct),
            Milestone m => m.AreaId,
            IndicatorObservation o => await db.Indicators.Where(i => i.Id == o.IndicatorId).Select(i => i.AreaId).FirstOrDefaultAsync(ct),
            _ => null,
        };
        return entity is CapabilityArea area ? area.Key
            : areaId is null ? null
            : await db.Areas.IgnoreQueryFilters().Where(a => a.Id == areaId).Select(a => a.Key).FirstOrDefaultAsync(ct);
    }

    private async Task<EditConflict> ConflictAsync(FigureKind kind, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await FindAsync(db, kind, id, ct);
        var type = kind.EntityType().Name;
        var key = id.ToString(CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == key)
            .OrderByDescending(a => a.Id).Select(a => new { a.By, a.At }).FirstOrDefaultAsync(ct);
        var stored = entity is null
            ? new FigureForm(kind, id, null, $"This {kind.Noun()} no longer exists", null, null, new Dictionary<string, string?>(), Deleted: true)
            : await ToFormAsync(db, kind, entity, ct);
        return new EditConflict(stored, last?.By, last?.At);
    }

    private static async Task<FigureForm> ToFormAsync(BurdenShiftDbContext db, FigureKind kind, object entity, CancellationToken ct)
    {
        var sourceId = entity switch
        {
            ShareAssessment s => s.SourceId,
            IndicatorObservation o => o.SourceId,
            Target t => t.SourceId,
            Milestone m => m.SourceId,
            _ => 0,
        };
        var sourceKey = sourceId == 0 ? null : await db.Sources.Where(s => s.Id == sourceId).Select(s => s.Key).FirstOrDefaultAsync(ct);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? parentKey = null;
        switch (entity)
        {
            case CapabilityArea a:
                values["key"] = a.Key;
                values["name"] = a.Name;
                values["description"] = a.Description;
                values["shareBasis"] = a.ShareBasis;
                values["weight"] = Text(a.Weight);
                break;
            case ShareAssessment s:
                values["asOf"] = Text(s.AsOf);
                values["europeShare"] = Text(s.EuropeShare);
                values["usShare"] = Text(s.UsShare);
                values["confidence"] = s.Confidence.ToWire();
                values["note"] = s.Note;
                break;
            case IndicatorObservation o:
                values["asOf"] = Text(o.AsOf);
                values["value"] = Text(o.Value);
                values["confidence"] = o.Confidence.ToWire();
                values["note"] = o.Note;
                parentKey = await db.Indicators.Where(i => i.Id == o.IndicatorId).Select(i => i.Key).FirstOrDefaultAsync(ct);
                break;
            case Target t:
                values["key"] = t.Key;
                values["label"] = t.Label;
                values["value"] = Text(t.Value);
                values["deadline"] = Text(t.Deadline);
                values["rationale"] = t.Rationale;
                break;
            case Milestone m:
                values["title"] = m.Title;
                values["due"] = Text(m.Due);
                values["status"] = m.Status.ToWire();
                values["completedOn"] = m.CompletedOn is { } done ? Text(done) : null;
                values["note"] = m.Note;
                break;
        }

        if (sourceKey is not null)
        {
            values[FigureKinds.SourceField] = sourceKey;
        }

        var areaKey = await AreaKeyOfAsync(db, entity, ct);
        var id = Convert.ToInt64(db.Entry(entity).Property("Id").CurrentValue, CultureInfo.InvariantCulture);
        var deleted = ((ISoftDeletable)entity).DeletedAt is not null;
        return new FigureForm(kind, id, db.RowVersionOf(entity), AuditTrail.Describe(entity), areaKey, parentKey ?? areaKey, values, deleted);
    }

    private static string Text(decimal? value) => value is { } v ? v.Normalize().ToString(CultureInfo.InvariantCulture) : "";

    private static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(object? Entity, string? AreaKey)> CreateAsync(
        BurdenShiftDbContext db, FigureKind kind, string? parentKey, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (kind == FigureKind.Area)
        {
            var order = await db.Areas.IgnoreQueryFilters().MaxAsync(a => (int?)a.DisplayOrder, ct) ?? 0;
            return (new CapabilityArea { Key = "", Name = "", DisplayOrder = order + 1 }, null);
        }

        if (!InputRules.IsPlausibleKey(parentKey))
        {
            errors[""] = $"There is no {(kind == FigureKind.Observation ? "indicator" : "area")} with the key '{InputRules.Shown(parentKey ?? "")}'.";
            return (null, null);
        }

        if (kind == FigureKind.Observation)
        {
            var indicator = await db.Indicators.Where(i => i.Key == parentKey).Select(i => new { i.Id, Area = i.Area!.Key }).FirstOrDefaultAsync(ct);
            if (indicator is null)
            {
                errors[""] = $"There is no indicator with the key '{parentKey}'.";
                return (null, null);
            }

            return (new IndicatorObservation { IndicatorId = indicator.Id, EnteredBy = "" }, indicator.Area);
        }

        var areaId = await db.Areas.Where(a => a.Key == parentKey).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (areaId is null)
        {
            errors[""] = $"There is no area with the key '{parentKey}'.";
            return (null, null);
        }

        object entity = kind switch
        {
            FigureKind.Assessment => new ShareAssessment { AreaId = areaId.Value, EnteredBy = "" },
            FigureKind.Target => new Target { AreaId = areaId.Value, Key = "", Label = "", Rationale = "" },
            FigureKind.Milestone => new Milestone { AreaId = areaId.Value, Title = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return (entity, parentKey);
    }

    private static async Task<List<Target>> AddStandardTargetsAsync(BurdenShiftDbContext db, CapabilityArea area, CancellationToken ct)
    {
        var targets = new List<Target>();
        foreach (var seed in new[] { StandardData.Target2027, StandardData.Target2030 })
        {
            var sourceId = await db.Sources.Where(s => s.Key == seed.Source).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (sourceId is null)
            {
                continue;
            }

            var target = new Target
            {
                Area = area,
                Key = seed.Key,
                Label = seed.Label,
                Deadline = DateOnly.Parse(seed.Deadline, CultureInfo.InvariantCulture),
                Value = seed.Value,
                Rationale = seed.Rationale,
                SourceId = sourceId.Value,
            };
            db.Targets.Add(target);
            targets.Add(target);
        }

        return targets;
    }

    private static async Task ApplyAsync(BurdenShiftDbContext db, FigureKind kind, object entity, FormValues v, bool adding, CancellationToken ct)
    {
        switch (entity)
        {
            case CapabilityArea a:
                if (adding)
                {
                    var key = v.Text("key", ColumnLimits.AreaKey, required: true);
                    if (key is not null && !AreaKey().IsMatch(key))
                    {
                        v.Error("key", "Use lower-case letters, digits and single dashes, e.g. space-lift.");
                    }
                    else if (key is "index" or "indicator")
                    {
                        // /api/export/chart/index.png and /api/export/chart/indicator/... are taken.
                        v.Error("key", $"'{key}' is reserved: export addresses use it. Choose another key.");
                    }
                    else if (key is not null && await db.Areas.AnyAsync(x => x.Key == key, ct))
                    {
                        v.Error("key", $"An area with the key '{key}' already exists.");
                    }

                    a.Key = key ?? "";
                }

                a.Name = v.Text("name", ColumnLimits.AreaName, required: true) ?? a.Name;
                a.Description = v.LongText("description", ColumnLimits.Description, required: false) ?? "";
                a.ShareBasis = v.LongText("shareBasis", ColumnLimits.Description, required: false);
                a.Weight = v.Number("weight", required: true, min: 0m, max: 100m, decimals: FigureRules.ShareDecimals) ?? a.Weight;
                break;

            case ShareAssessment s:
                var asOf = v.Date("asOf", required: true);
                if (asOf is { } date && date != s.AsOf)
                {
                    (s.AsOf, s.AsOfPrecision) = (date, DatePrecision.Day);
                }

                var eu = v.Number("europeShare", required: false, min: null, max: null, decimals: FigureRules.ShareDecimals);
                var us = v.Number("usShare", required: false, min: null, max: null, decimals: FigureRules.ShareDecimals);
                if (!v.Has("europeShare") && !v.Has("usShare"))
                {
                    foreach (var (field, message) in FigureRules.ShareProblems("europeShare", eu, "usShare", us))
                    {
                        v.Error(field, message.Replace("europeShare", "Europe's share", StringComparison.Ordinal).Replace("usShare", "the US share", StringComparison.Ordinal));
                    }
                }

                (s.EuropeShare, s.UsShare) = (eu, us);
                s.Confidence = v.Confidence("confidence") ?? s.Confidence;
                s.Note = v.LongText("note", ColumnLimits.Note, required: false);
                break;

            case IndicatorObservation o:
                var observed = v.Date("asOf", required: true);
                if (observed is { } day && day != o.AsOf)
                {
                    (o.AsOf, o.AsOfPrecision) = (day, DatePrecision.Day);
                }

                o.Value = v.Number("value", required: true, min: null, max: null, decimals: FigureRules.ValueDecimals) ?? o.Value;
                o.Confidence = v.Confidence("confidence") ?? o.Confidence;
                o.Note = v.LongText("note", ColumnLimits.Note, required: false);
                break;

            case Target t:
                if (adding)
                {
                    var key = v.Text("key", ColumnLimits.TargetKey, required: true);
                    if (key is not null && await db.Targets.AnyAsync(x => x.AreaId == t.AreaId && x.Key == key, ct))
                    {
                        v.Error("key", $"This area already has a target with the key '{key}'.");
                    }

                    t.Key = key ?? "";
                }

                t.Label = v.Text("label", ColumnLimits.TargetLabel, required: true) ?? t.Label;
                t.Value = v.Number("value", required: true, min: 0m, max: 100m, decimals: FigureRules.ValueDecimals) ?? t.Value;
                t.Deadline = v.Date("deadline", required: true) ?? t.Deadline;
                t.Rationale = v.LongText("rationale", ColumnLimits.Rationale, required: true) ?? t.Rationale;
                break;

            case Milestone m:
                m.Title = v.Text("title", ColumnLimits.MilestoneTitle, required: true) ?? m.Title;
                var due = v.Date("due", required: true);
                if (due is { } d && d != m.Due)
                {
                    (m.Due, m.DuePrecision) = (d, DatePrecision.Day);
                }

                if (WireNames.TryParseMilestoneStatus(v.Raw("status"), out var status))
                {
                    m.Status = status;
                }
                else
                {
                    v.Error("status", "Choose a status: planned, in-progress, done, slipped or cancelled.");
                }

                m.CompletedOn = v.Date("completedOn", required: false);
                if (m.CompletedOn is not null && m.Status != MilestoneStatus.Done)
                {
                    v.Error("completedOn", "A completion date goes only with the status done.");
                }

                m.Note = v.LongText("note", ColumnLimits.Note, required: false);
                break;
        }
    }

    /// <summary>Points the row at the chosen source, or at a new one built from the form (returned, not yet saved).</summary>
    private static async Task<Source?> ResolveSourceAsync(BurdenShiftDbContext db, FigureKind kind, object entity, FormValues v, CancellationToken ct)
    {
        var key = v.Raw(FigureKinds.SourceField)?.Trim();
        Source? created = null;
        int sourceId;
        if (!string.IsNullOrEmpty(key))
        {
            var id = !InputRules.IsPlausibleKey(key) ? null : await db.Sources.Where(s => s.Key == key).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                v.Error(FigureKinds.SourceField, $"The source '{InputRules.Shown(key)}' is not in the registry.");
                return null;
            }

            sourceId = id.Value;
        }
        else
        {
            var publisher = v.Text(FigureKinds.SourcePublisher, ColumnLimits.SourcePublisher, required: false);
            var title = v.Text(FigureKinds.SourceTitle, ColumnLimits.SourceTitle, required: false);
            var url = v.Text(FigureKinds.SourceUrl, ColumnLimits.SourceUrl, required: false);
            var badUrl = url is not null && InputRules.UrlProblem(url) is not null;
            if (badUrl)
            {
                v.Error(FigureKinds.SourceUrl, "The source URL must be a full web address (https://...).");
            }

            if (publisher is null || title is null)
            {
                v.Error(FigureKinds.SourceField, "Every figure needs a source: pick one from the registry, or give a new source's publisher and title.");
                return null;
            }

            // The new source is graded like the figure, or on its own for kinds without a confidence.
            Confidence? confidence = !kind.HasConfidence() ? v.Confidence(FigureKinds.SourceConfidence)
                : WireNames.TryParseConfidence(v.Raw("confidence"), out var graded) ? graded : null;
            if (badUrl || confidence is null)
            {
                return null;
            }

            created = new Source
            {
                Key = $"editor-{Guid.NewGuid():N}"[..20],
                Publisher = publisher,
                Title = title,
                Url = url,
                Confidence = confidence.Value,
                EnteredBy = "",
            };
            db.Sources.Add(created);
            sourceId = 0;
        }

        switch (entity)
        {
            case ShareAssessment s:
                (s.SourceId, s.Source) = (sourceId, created ?? s.Source);
                break;
            case IndicatorObservation o:
                (o.SourceId, o.Source) = (sourceId, created ?? o.Source);
                break;
            case Target t:
                (t.SourceId, t.Source) = (sourceId, created ?? t.Source);
                break;
            case Milestone m:
                (m.SourceId, m.Source) = (sourceId, created ?? m.Source);
                break;
        }

        return created;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex AreaKey();

    /// <summary>The posted values, parsed one field at a time; each problem lands next to its field.</summary>
    private sealed class FormValues(IReadOnlyDictionary<string, string?> values, Dictionary<string, string> errors)
    {
        public string? Raw(string field) => values.GetValueOrDefault(field);

        public bool Has(string field) => errors.ContainsKey(field);

        public void Error(string field, string message) => errors.TryAdd(field, message);

        public string? Text(string field, int max, bool required) => Checked(field, max, required, multiline: false);

        /// <summary>A text that may hold tabs and line breaks (notes, descriptions).</summary>
        public string? LongText(string field, int max, bool required) => Checked(field, max, required, multiline: true);

        public DateOnly? Date(string field, bool required)
        {
            var text = Raw(field)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (required)
                {
                    Error(field, "Give a date.");
                }

                return null;
            }

            if (!InputRules.TryDate(text, out var date, out var problem))
            {
                Error(field, $"The date {problem}.");
                return null;
            }

            return date;
        }

        public decimal? Number(string field, bool required, decimal? min, decimal? max, int decimals)
        {
            var text = Raw(field)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (required)
                {
                    Error(field, "Give a number.");
                }

                return null;
            }

            if (!InputRules.TryNumber(text, decimals, min, max, out var value, out var problem))
            {
                Error(field, $"{char.ToUpperInvariant(problem[0])}{problem[1..]}.");
                return null;
            }

            return value;
        }

        private string? Checked(string field, int max, bool required, bool multiline)
        {
            var text = Raw(field)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (required)
                {
                    Error(field, "This field is required.");
                }

                return null;
            }

            if (InputRules.TextProblem(text, max, multiline) is { } problem)
            {
                // Null: a refused text is never used, not even to look for a duplicate key.
                Error(field, $"This text {problem}.");
                return null;
            }

            return text;
        }

        public Confidence? Confidence(string field)
        {
            if (WireNames.TryParseConfidence(Raw(field), out var value))
            {
                return value;
            }

            Error(field, "Choose a confidence: high, medium or low.");
            return null;
        }
    }
}

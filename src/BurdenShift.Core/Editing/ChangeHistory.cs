using System.Globalization;
using System.Security.Claims;
using BurdenShift.Core.Audit;
using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Editing.Kinds;
using BurdenShift.Core.Formatting;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BurdenShift.Core.Editing;

/// <summary>One field of a change: what it held before and after (null: no value).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One audited write as a history list shows it.</summary>
public sealed record HistoryEntry(
    long Id,
    DateTimeOffset At,
    string By,
    string Action,
    FigureKind? Kind,
    long? EntityId,
    string Summary,
    string? Reason,
    IReadOnlyList<FieldChange> Changes,
    long? ChangeSetId)
{
    /// <summary>Changes to areas and figures can be reverted; additions to the source registry cannot.</summary>
    public bool CanRevert => Kind is not null;
}

/// <summary>An import as the import page lists it.</summary>
public sealed record ImportRecord(long Id, DateTimeOffset At, string By, string Description, int RowCount, DateTimeOffset? UndoneAt, string? UndoneBy);

/// <summary>Reads the audit trail per row and per area, and undoes whole imports.</summary>
public sealed class ChangeHistory(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<ChangeHistory> logger)
{
    private const int MaxEntries = 500;

    // Bookkeeping columns, and the parent a row was added under (the page already names it): not
    // worth a line in a history list.
    private static readonly HashSet<string> Quiet = new(StringComparer.Ordinal) { "EnteredAt", "DisplayOrder", "AreaId", "IndicatorId" };

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(FigureKind kind, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = kind.EntityType().Name;
        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(MaxEntries).ToListAsync(ct);
        return await ToHistoryAsync(db, entries, ct);
    }

    /// <summary>Every change to an area, its figures, targets, milestones and its indicators' observations.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetAreaHistoryAsync(string areaKey, CancellationToken ct = default)
    {
        if (!InputRules.IsPlausibleKey(areaKey))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.AreaKey == areaKey)
            .OrderByDescending(a => a.Id).Take(MaxEntries).ToListAsync(ct);
        return await ToHistoryAsync(db, entries, ct);
    }

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
        if (!FigureEditor.CanWrite(user))
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
        var result = await AuditedWrite.RunAsync(dbFactory, time, logger, by, text, (write, ct2) => UndoOnceAsync(write, changeSetId, ct2),
            () => Task.FromResult(SaveResult.Refused(FormFields.General, "Some imported rows changed while you undid the import. Reload and try again; nothing was written.")),
            "The database refused the undo. Nothing was written.", ct);
        if (result.Succeeded)
        {
            logger.LogInformation("{User} undid import {ChangeSet}", by, changeSetId);
        }

        return result;
    }

    private static async Task<SaveResult> UndoOnceAsync(AuditedWrite write, long changeSetId, CancellationToken ct)
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

    private static async Task<IReadOnlyList<HistoryEntry>> ToHistoryAsync(BurdenShiftDbContext db, List<AuditEntry> entries, CancellationToken ct)
    {
        var sources = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Id.ToString(CultureInfo.InvariantCulture), s => $"{s.Publisher}: {s.Title}", ct);
        return [.. entries.Select(e =>
        {
            var before = AuditTrail.Read(e.OldValues);
            var after = AuditTrail.Read(e.NewValues);
            var changes = AuditTrail.ChangedFields(e.OldValues, e.NewValues)
                .Where(f => !Quiet.Contains(f) && !(e.Action == AuditTrail.Insert && after.GetValueOrDefault(f) is null))
                .Select(f => new FieldChange(FigureKinds.ColumnLabel(f), Show(f, before.GetValueOrDefault(f)), Show(f, after.GetValueOrDefault(f))))
                .ToList();
            var kind = FigureKinds.FromEntityType(e.EntityType);
            return new HistoryEntry(e.Id, e.At, e.By, e.Action, kind,
                long.TryParse(e.EntityId, CultureInfo.InvariantCulture, out var id) ? id : null, e.Summary, e.Reason, changes, e.ChangeSetId);

            string? Show(string field, string? value) =>
                field == "SourceId" && value is not null && sources.TryGetValue(value, out var source) ? source
                : field is "Confidence" or "Status" or "AsOfPrecision" or "DuePrecision" ? value?.ToLowerInvariant()
                : field == "DeletedAt" && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                    ? Formats.Moment(at)
                : value;
        })];
    }
}

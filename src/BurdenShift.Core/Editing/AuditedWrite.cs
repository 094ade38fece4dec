using BurdenShift.Core.Data.Versions;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BurdenShift.Core.Editing;

/// <summary>
/// One audited write, the only way rows are changed by people: form saves, deletions, reverts,
/// imports and their undo. The write records the rows it adds or changes, then
/// <see cref="SaveAsync"/> saves them and one audit entry per row (old and new values, who, when,
/// why) in the same transaction, so a change without its audit entry is never committed.
/// <see cref="RunAsync{T}"/> runs the whole write, its reads and checks included, under
/// <see cref="DurableWrite"/>: a dropped connection runs it again from a fresh context.
/// </summary>
internal sealed partial class AuditedWrite
{
    private readonly List<Row> rows = [];
    private bool unsaved;

    private AuditedWrite(BurdenShiftDbContext db, string by, DateTimeOffset at, string? reason) => (Db, By, At, Reason) = (db, by, at, reason);

    public BurdenShiftDbContext Db { get; }

    /// <summary>Who the change is attributed to.</summary>
    public string By { get; }

    /// <summary>When it happens: one instant for every row and audit entry of the write.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The reason kept with every audit entry of the write.</summary>
    public string? Reason { get; }

    /// <summary>The change set (an import, an undo) the audit entries belong to, if any; saved with the rows.</summary>
    public ChangeSet? ChangeSet { get; private set; }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own; a result that refuses the change
    /// must return before recording anything (recorded rows must be saved).
    /// </summary>
    public static Task<T> RunAsync<T>(
        IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, string by, string? reason,
        Func<AuditedWrite, CancellationToken, Task<T>> write, CancellationToken ct) =>
        DurableWrite.RunAsync(dbFactory, async (db, ct2) =>
        {
            var audited = new AuditedWrite(db, by, time.GetUtcNow(), reason);
            var result = await write(audited, ct2);
            if (audited.unsaved)
            {
                throw new InvalidOperationException("An audited write recorded changes it did not save.");
            }

            return result;
        }, ct);

    /// <summary>
    /// Runs a write that answers with a <see cref="SaveResult"/>. A stale version (the row changed
    /// since it was read) answers with <paramref name="stale"/>, a refusal by the database (a
    /// unique key, a check) with <paramref name="refused"/>; nothing is written either way.
    /// </summary>
    public static Task<SaveResult> RunAsync(
        IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger logger, string by, string? reason,
        Func<AuditedWrite, CancellationToken, Task<SaveResult>> write, Func<Task<SaveResult>> stale, string refused, CancellationToken ct) =>
        RefusingAsync(logger, by, "a write", () => RunAsync(dbFactory, time, by, reason, write, ct), stale, refused);

    /// <summary>
    /// Runs an attempt at a write, or its rehearsal (<see cref="Review.Drafting"/>), answering a
    /// stale version with <paramref name="stale"/> and a refusal by the database with
    /// <paramref name="refused"/>, as every write path answers them.
    /// </summary>
    internal static async Task<SaveResult> RefusingAsync(
        ILogger logger, string by, string what, Func<Task<SaveResult>> attempt, Func<Task<SaveResult>> stale, string refused)
    {
        try
        {
            return await attempt();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Refused {Write} by {User}: a row changed since it was read", what, by);
            return await stale();
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "The database refused {Write} by {User}", what, by);
            return SaveResult.Refused(FormFields.General, refused);
        }
    }

    /// <summary>Files the write's audit entries under a change set (an import, an undo), saved with the rows.</summary>
    public void BelongsTo(ChangeSet changeSet)
    {
        ChangeSet = changeSet;
        Db.ChangeSets.Add(changeSet);
        unsaved = true;
    }

    /// <summary>Adds a row (tracked from now on); <paramref name="summary"/> replaces the row's description.</summary>
    public void Insert(object entity, string? areaKey, string? summary = null)
    {
        var entry = Db.Entry(entity);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Added;
        }

        Record(new Row(entry, AuditTrail.Insert, null, areaKey, summary));
    }

    /// <summary>Records a change already made to a tracked row, with its values from before.</summary>
    public void Updated(object entity, Dictionary<string, object?> before, string? areaKey) =>
        Record(new Row(Db.Entry(entity), null, before, areaKey, null) { WasDeleted = IsDeleted(entity) });

    /// <summary>Changes a tracked row through <paramref name="apply"/>, keeping its values from before.</summary>
    public void Update(object entity, Action apply, string? areaKey)
    {
        var entry = Db.Entry(entity);
        var row = new Row(entry, null, AuditTrail.Snapshot(entry), areaKey, null) { WasDeleted = IsDeleted(entity) };
        apply();
        Record(row);
    }

    /// <summary>Marks a row deleted: it stays, with its history, and a revert brings it back.</summary>
    public void Delete(ISoftDeletable row, string? areaKey) => Update(row, () => (row.DeletedAt, row.DeletedBy) = (At, By), areaKey);

    /// <summary>Saves the rows recorded so far, without their audit entries yet (to fix the order ids are given in).</summary>
    public Task FlushAsync(CancellationToken ct) => Db.SaveChangesAsync(ct);

    /// <summary>
    /// Saves the recorded rows, then their audit entries and their recorded versions, in the
    /// write's transaction: its moment <see cref="At"/> is when the change became published
    /// (knowledge time, docs/decisions/0020-knowledge-time.md).
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        await Db.SaveChangesAsync(ct);
        await RecordVersionsAsync(ct);
        foreach (var row in rows)
        {
            var isDeleted = IsDeleted(row.Entry.Entity);
            var action = row.Action ?? (isDeleted && !row.WasDeleted ? AuditTrail.Delete : AuditTrail.Update);
            var summary = row.Summary ?? (action == AuditTrail.Delete ? "Deleted: " : row.WasDeleted && !isDeleted ? "Restored: " : "")
                + FigureKinds.Describe(row.Entry.Entity);
            Db.AuditEntries.Add(AuditTrail.Entry(action, row.Entry, row.Before, AuditTrail.Snapshot(row.Entry), By, At, summary, Reason,
                row.AreaKey, ChangeSet?.Id));
        }

        // Same transaction: if an audit entry cannot be written, the change is not either.
        await Db.SaveChangesAsync(ct);
        rows.Clear();
        unsaved = false;
    }

    // The versions of the rows as published from now on; saved with the audit entries.
    private Task RecordVersionsAsync(CancellationToken ct) =>
        VersionLog.RecordAsync(Db, rows.Select(r => (r.Entry, IsNew: r.Action == AuditTrail.Insert)), At, ct);

    private void Record(Row row)
    {
        rows.Add(row);
        unsaved = true;
    }

    private static bool IsDeleted(object entity) => entity is ISoftDeletable { DeletedAt: not null };

    private sealed record Row(EntityEntry Entry, string? Action, Dictionary<string, object?>? Before, string? AreaKey, string? Summary)
    {
        public bool WasDeleted { get; init; }
    }
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BurdenShift.Core.Data;

/// <summary>
/// Bumps <see cref="DatasetInfo.DataVersion"/> after every save that touches figures, sources,
/// targets, milestones or areas, in the same transaction when there is one. Because the stamp
/// lives in the database, dashboards notice changes made by any process, not just this one.
/// </summary>
public sealed class DataVersionInterceptor : SaveChangesInterceptor
{
    // What a save changed, carried from SavingChanges (entries still Added/Modified/Deleted) to SavedChanges.
    private readonly ConditionalWeakTable<DbContext, string> _pending = [];

    // Per database (its connection string): the tests run several apps, each on a database of its
    // own, in one process, and one app's saves must not move another's caches.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LocalWritesByDatabase = new(StringComparer.Ordinal);

    /// <summary>
    /// Saves this process made to the database that bumped its data version: caches of computed
    /// figures key on it with the polled version, so this process's own edits show at once rather
    /// than at the next poll (a save inside a transaction counts before its commit; the poll after
    /// it catches up).
    /// </summary>
    public static long LocalWritesTo(string database) => LocalWritesByDatabase.GetValueOrDefault(database);

    // Set inside a rehearsal (docs/decisions/0021), whose transaction is always rolled back: its
    // saves must neither lock and bump the stored version nor move this process's caches, or every
    // review visit and draft preview would make every reader's figures compute afresh.
    private static readonly AsyncLocal<bool> InRehearsal = new();

    /// <summary>Marks the current flow of execution (and what it awaits) as a rehearsal whose saves publish nothing.</summary>
    internal static void MarkRehearsal() => InRehearsal.Value = true;

    private static void CountLocalWrite(DbContext db) =>
        LocalWritesByDatabase.AddOrUpdate(db.Database.GetConnectionString() ?? "", 1, (_, n) => n + 1);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var summary))
        {
            _pending.Remove(db);
            db.Database.ExecuteSql(Bump(summary));
            CountLocalWrite(db);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var summary))
        {
            _pending.Remove(db);
            await db.Database.ExecuteSqlAsync(Bump(summary), cancellationToken);
            CountLocalWrite(db);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
    }

    private static FormattableString Bump(string summary) =>
        $"UPDATE \"DatasetInfo\" SET \"DataVersion\" = \"DataVersion\" + 1, \"ChangeSummary\" = {summary}";

    private void Remember(DbContext? db)
    {
        if (db is null || InRehearsal.Value)
        {
            return;
        }

        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Name(e.Entity) is not null)
            .ToList();
        if (changed.Count > 0)
        {
            _pending.AddOrUpdate(db, Describe(changed));
        }
    }

    // The summary reaches every open page, anonymous readers' included (the snackbar, /live/version):
    // it says what changed, never who changed it; the edit history, for signed-in users, does.
    private static string Describe(List<EntityEntry> changed)
    {
        var parts = changed
            .GroupBy(e => (Name(e.Entity)!, Verb(e)))
            .Select(g => $"{g.Count()} {g.Key.Item1}{(g.Count() == 1 ? "" : "s")} {g.Key.Item2}");
        var text = string.Join(", ", parts);
        return text.Length <= 500 ? text : text[..497] + "...";
    }

    // Editors delete by stamping the row (soft delete): that is a deletion to the reader, not a revision.
    private static string Verb(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => "added",
        EntityState.Deleted => "deleted",
        _ when entry.Entity is ISoftDeletable s && entry.Property(nameof(ISoftDeletable.DeletedAt)).IsModified
            => s.DeletedAt is null ? "restored" : "deleted",
        _ => "revised",
    };

    private static string? Name(object entity) => entity switch
    {
        ShareAssessment => "share assessment",
        IndicatorObservation => "indicator observation",
        Source => "source",
        Target => "target",
        Milestone => "milestone",
        CapabilityArea => "area",
        Indicator => "indicator",
        _ => null,
    };
}

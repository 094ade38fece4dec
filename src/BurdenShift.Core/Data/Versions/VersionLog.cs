using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BurdenShift.Core.Data.Versions;

/// <summary>
/// Writes the recorded versions (docs/decisions/0020-knowledge-time.md): for each row a write
/// added, changed or deleted, the version open until now is closed at the write's moment and,
/// unless the row is now deleted, a version with its values from now on is opened. Called by the
/// audited write in the same transaction as the change (so the moment of publishing is the moment
/// of that write) and by the seeding, so the shipped data is known from when it was loaded.
/// </summary>
internal static class VersionLog
{
    /// <summary>
    /// Adds the versions of <paramref name="rows"/> (saved already, so their ids are known) to the
    /// context, to be saved with the rest of the write. <c>IsNew</c>: the row was inserted by this
    /// write, so it has no open version to close (no lookup for a whole import's rows).
    /// </summary>
    public static async Task RecordAsync(DbContext db, IEnumerable<(EntityEntry Entry, bool IsNew)> rows, DateTimeOffset at, CancellationToken ct)
    {
        var versioned = rows.Where(r => VersionModel.VersionOf(r.Entry.Metadata.ClrType) is not null)
            .GroupBy(r => r.Entry.Entity, ReferenceEqualityComparer.Instance)
            .Select(g => (g.First().Entry, IsNew: g.All(r => r.IsNew)))
            .ToList();
        foreach (var type in versioned.GroupBy(r => r.Entry.Metadata.ClrType))
        {
            var changed = type.Where(r => !r.IsNew).Select(r => r.Entry.Property(nameof(CapabilityArea.Id)).CurrentValue!).ToList();
            if (changed.Count > 0)
            {
                foreach (var open in await OpenVersionsAsync(db, type.Key, changed, ct))
                {
                    open.PublishedTo = at;
                }
            }

            foreach (var (entry, _) in type.Where(r => r.Entry.Entity is not ISoftDeletable { DeletedAt: not null }))
            {
                db.Add(VersionOf(entry, at));
            }
        }
    }

    /// <summary>A version of the row with its current values, published from <paramref name="at"/>.</summary>
    private static object VersionOf(EntityEntry row, DateTimeOffset at)
    {
        var version = (IPublishedVersion)Activator.CreateInstance(VersionModel.VersionOf(row.Metadata.ClrType)!)!;
        foreach (var property in row.Metadata.GetProperties().Where(p => p.PropertyInfo is not null))
        {
            property.PropertyInfo!.SetValue(version, row.Property(property.Name).CurrentValue);
        }

        version.PublishedFrom = at;
        return version;
    }

    private static async Task<List<IPublishedVersion>> OpenVersionsAsync(DbContext db, Type row, List<object> ids, CancellationToken ct)
    {
        var keyType = ids[0].GetType();
        var method = typeof(VersionLog).GetMethod(nameof(OpenVersions), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(VersionModel.VersionOf(row)!, keyType);
        return await (Task<List<IPublishedVersion>>)method.Invoke(null, [db, ids, ct])!;
    }

    private static async Task<List<IPublishedVersion>> OpenVersions<TVersion, TKey>(DbContext db, List<object> ids, CancellationToken ct)
        where TVersion : class, IPublishedVersion
    {
        var keys = ids.Cast<TKey>().ToList();
        return [.. await db.Set<TVersion>()
            .Where(v => EF.Property<DateTimeOffset?>(v, VersionModel.PublishedTo) == null && keys.Contains(EF.Property<TKey>(v, nameof(CapabilityArea.Id))))
            .ToListAsync(ct)];
    }
}

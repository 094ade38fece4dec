using System.Globalization;
using BurdenShift.Core.Audit;
using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Formatting;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Core.Editing;

/// <summary>Reads the audit trail: every change to a row, or to an area and all it holds.</summary>
public sealed class AuditHistory(IDbContextFactory<BurdenShiftDbContext> dbFactory)
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

    /// <summary>
    /// Every change published after <paramref name="after"/> and up to <paramref name="until"/> to a
    /// row that enters a computation (docs/methodology.md, "Knowledge time"): what "what did we
    /// revise since the March brief" lists, each with its reason. Oldest first, at most
    /// <see cref="MaxEntries"/>; <c>More</c> counts the rest.
    /// </summary>
    public async Task<(IReadOnlyList<HistoryEntry> Entries, int More)> GetPublishedBetweenAsync(
        DateTimeOffset after, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        List<string> types = [.. Data.Versions.VersionModel.Tables.Select(t => t.Row.Name)];
        var published = db.AuditEntries.AsNoTracking().Where(a => a.At > after && a.At <= until && types.Contains(a.EntityType));
        var entries = await published.OrderBy(a => a.At).ThenBy(a => a.Id).Take(MaxEntries + 1).ToListAsync(ct);
        var more = entries.Count > MaxEntries ? await published.CountAsync(ct) - MaxEntries : 0;
        return (await ToHistoryAsync(db, [.. entries.Take(MaxEntries)], ct), more);
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

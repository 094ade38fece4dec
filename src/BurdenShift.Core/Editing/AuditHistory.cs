using System.Globalization;
using BurdenShift.Core.Audit;
using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Formatting;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Core.Editing;

/// <summary>Reads the audit trail: every change to a row, or to an area and all it holds.</summary>
public sealed partial class AuditHistory(IDbContextFactory<BurdenShiftDbContext> dbFactory)
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

    /// <summary>Audit entries (or a draft's rows shaped as such) as a history list shows them.</summary>
    internal static Task<IReadOnlyList<HistoryEntry>> ToHistory(BurdenShiftDbContext db, List<AuditEntry> entries, CancellationToken ct) =>
        ToHistoryAsync(db, entries, ct);
}

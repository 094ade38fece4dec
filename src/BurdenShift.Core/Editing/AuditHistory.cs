using BurdenShift.Core.Formatting;

namespace BurdenShift.Core.Editing;

/// <summary>Reads the audit trail: every change to a row, or to an area and all it holds.</summary>
public sealed partial class AuditHistory(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    /// <summary>Rows a history page shows (newest first); older ones are on later pages.</summary>
    public const int PageSize = 25;

    private const int MaxEntries = 500;

    // Bookkeeping columns, and the parent a row was added under (the page already names it): not
    // worth a line in a history list.
    private static readonly HashSet<string> Quiet = new(StringComparer.Ordinal) { "EnteredAt", "DisplayOrder", "AreaId", "IndicatorId" };

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(FigureKind kind, long id, CancellationToken ct = default) =>
        (await GetHistoryPageAsync(kind, id, 1, MaxEntries, ct)).Items;

    /// <summary>Every change to an area, its figures, targets, milestones and its indicators' observations.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetAreaHistoryAsync(string areaKey, CancellationToken ct = default) =>
        (await GetAreaHistoryPageAsync(areaKey, 1, MaxEntries, ct)).Items;

    /// <summary>
    /// One page of a row's changes, newest first (a page past the last shows the last): two SQL
    /// commands, the count and the page, plus one for the sources the page's entries name.
    /// </summary>
    public async Task<RowPage<HistoryEntry>> GetHistoryPageAsync(FigureKind kind, long id, int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = kind.EntityType().Name;
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await PageAsync(db, db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == key), page, pageSize, ct);
    }

    /// <summary>One page of the changes to an area and all it holds, newest first, as <see cref="GetHistoryPageAsync"/>.</summary>
    public async Task<RowPage<HistoryEntry>> GetAreaHistoryPageAsync(string areaKey, int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        if (!InputRules.IsPlausibleKey(areaKey))
        {
            return new RowPage<HistoryEntry>([], 1, pageSize, 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PageAsync(db, db.AuditEntries.AsNoTracking().Where(a => a.AreaKey == areaKey), page, pageSize, ct);
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

    private static async Task<RowPage<HistoryEntry>> PageAsync(
        BurdenShiftDbContext db, IQueryable<AuditEntry> entries, int page, int pageSize, CancellationToken ct)
    {
        var total = await entries.CountAsync(ct);
        page = PageQuery.Clamp(page, total, pageSize);
        var rows = total == 0
            ? []
            : await entries.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new RowPage<HistoryEntry>(await ToHistoryAsync(db, rows, ct), page, pageSize, total);
    }

    private static async Task<IReadOnlyList<HistoryEntry>> ToHistoryAsync(BurdenShiftDbContext db, List<AuditEntry> entries, CancellationToken ct)
    {
        // Only the sources this page's entries name, so the cost does not grow with the registry.
        var named = entries.SelectMany(e => new[] { AuditTrail.Read(e.OldValues), AuditTrail.Read(e.NewValues) })
            .Select(values => values.GetValueOrDefault("SourceId"))
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var sourceId) ? sourceId : (int?)null)
            .OfType<int>().Distinct().ToList();
        var sources = named.Count == 0
            ? []
            : await db.Sources.AsNoTracking().Where(s => named.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id.ToString(CultureInfo.InvariantCulture), s => $"{s.Publisher}: {s.Title}", ct);
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

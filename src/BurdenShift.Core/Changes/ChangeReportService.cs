namespace BurdenShift.Core.Changes;

/// <summary>A figure that appeared between two dates: dated in the period, or entered in it for an earlier date (a revision).</summary>
public sealed record FigureChange(
    string Kind, string OwnerKey, string OwnerName, DateOnly AsOf, DatePrecision Precision, decimal? Europe, decimal? Us, decimal? Value,
    string? Unit, Confidence Confidence, string Source, string EnteredBy, DateTimeOffset EnteredAt, bool IsRevision);

/// <summary>An area's status against one target on each of the two dates.</summary>
public sealed record StatusMove(string AreaKey, string AreaName, string TargetKey, TargetStatus From, TargetStatus To, decimal? GapFrom, decimal? GapTo);

/// <summary>A milestone that was done, or fell overdue, between the two dates.</summary>
public sealed record MilestoneMove(string Title, string? AreaKey, DateOnly Due, DatePrecision DuePrecision, string Change, MilestoneStatus Status);

/// <summary>
/// What changed between two dates: one page of the figures added or revised (newest first), the
/// area statuses that moved and the milestones done or slipped.
/// </summary>
public sealed record ChangeReport(
    DateOnly From, DateOnly To, RowPage<FigureChange> Figures, IReadOnlyList<StatusMove> Statuses, IReadOnlyList<MilestoneMove> Milestones);

/// <summary>
/// What changed between two dates. The figures are paged in the database, newest first (two SQL
/// commands, the count and the page), and the milestones take one; the statuses come from the
/// dashboard's own computation of each date (<see cref="StatusMoves"/>), which the caller shares,
/// so no part of the report reads the whole history.
/// </summary>
public sealed class ChangeReportService(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    /// <summary>Figures a page of the report lists.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// The report between <paramref name="from"/> and <paramref name="to"/> (swapped when reversed),
    /// with page <paramref name="page"/> of the figures (the last page when it lies beyond it) and
    /// the status moves between the two dashboards <paramref name="before"/> and <paramref name="after"/>
    /// computed for those dates.
    /// </summary>
    public async Task<ChangeReport> GetAsync(
        DateOnly from, DateOnly to, DashboardOverview before, DashboardOverview after, int page = 1, int pageSize = PageSize, CancellationToken ct = default)
    {
        if (from > to)
        {
            (from, to) = (to, from);
            (before, after) = (after, before);
        }

        // A revision is a figure entered after the start of the period (end of that day, UTC).
        var enteredAfter = new DateTimeOffset(from.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One query for both kinds (UNION ALL); set operations need the same anonymous shape on both sides.
        var changed = ChangedIn(db.ShareAssessments, from, to, enteredAfter)
            .Select(s => new
            {
                Indicator = false,
                s.Id,
                OwnerKey = s.Area!.Key,
                OwnerName = s.Area.Name,
                s.AsOf,
                s.AsOfPrecision,
                Europe = s.EuropeShare,
                Us = s.UsShare,
                Value = (decimal?)null,
                Unit = (string?)null,
                s.Confidence,
                Source = s.Source!.Publisher,
                s.EnteredBy,
                s.EnteredAt,
            })
            .Concat(ChangedIn(db.IndicatorObservations, from, to, enteredAfter)
                .Select(o => new
                {
                    Indicator = true,
                    o.Id,
                    OwnerKey = o.Indicator!.Key,
                    OwnerName = o.Indicator.Name,
                    o.AsOf,
                    o.AsOfPrecision,
                    Europe = (decimal?)null,
                    Us = (decimal?)null,
                    Value = (decimal?)o.Value,
                    Unit = (string?)o.Indicator.Unit,
                    o.Confidence,
                    Source = o.Source!.Publisher,
                    o.EnteredBy,
                    o.EnteredAt,
                }));
        var total = await changed.CountAsync(ct);
        page = PageQuery.Clamp(page, total, pageSize);
        var rows = total == 0
            ? []
            : await changed.OrderByDescending(f => f.AsOf).ThenBy(f => f.Indicator).ThenByDescending(f => f.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var figures = rows
            .Select(f => new FigureChange(f.Indicator ? "indicator" : "share", f.OwnerKey, f.OwnerName, f.AsOf, f.AsOfPrecision,
                f.Europe?.Normalize(), f.Us?.Normalize(), f.Value?.Normalize(), f.Unit, f.Confidence, f.Source, f.EnteredBy, f.EnteredAt,
                IsRevision: f.AsOf <= from))
            .ToList();

        var milestones = await db.Milestones.AsNoTracking()
            .Select(m => new { m.Title, Area = m.Area == null ? null : m.Area.Key, m.Due, m.DuePrecision, m.Status, m.CompletedOn })
            .ToListAsync(ct);
        var milestoneMoves = new List<MilestoneMove>();
        foreach (var m in milestones.OrderBy(m => m.Due).ThenBy(m => m.Title))
        {
            var facts = new MilestoneFacts(m.Due, m.Status, m.CompletedOn);
            if (facts.IsDoneAsOf(to) && !facts.IsDoneAsOf(from))
            {
                milestoneMoves.Add(new MilestoneMove(m.Title, m.Area, m.Due, m.DuePrecision, "done", m.Status));
            }
            else if (facts.IsOverdueAsOf(to) && !facts.IsOverdueAsOf(from))
            {
                milestoneMoves.Add(new MilestoneMove(m.Title, m.Area, m.Due, m.DuePrecision, "slipped", m.Status));
            }
        }

        return new ChangeReport(from, to, new RowPage<FigureChange>(figures, page, pageSize, total),
            StatusMoves.Between(before, after), milestoneMoves);
    }

    // Figures of the period, and revisions: dated in it, or entered after its start while dated before it.
    private static IQueryable<T> ChangedIn<T>(IQueryable<T> figures, DateOnly from, DateOnly to, DateTimeOffset enteredAfter)
        where T : SourcedFigure =>
        figures.AsNoTracking().Where(f => f.AsOf <= to && (f.AsOf > from || f.EnteredAt > enteredAfter));
}

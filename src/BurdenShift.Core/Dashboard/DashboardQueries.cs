namespace BurdenShift.Core.Dashboard;

/// <summary>
/// The first command of each dashboard load. The lists (<see cref="AreaHeads"/>,
/// <see cref="IndicatorHeads"/>) read no history, only where each series' latest rows are, so
/// that the second command can read just the trend windows (<see cref="SeriesWindows"/>). One
/// area's page reads its rows with the area instead. Separate query shapes on purpose: a shape
/// whose history collection is switched off by a parameter still made PostgreSQL's generic plan
/// join the whole table.
/// </summary>
internal static class DashboardQueries
{
    /// <summary>Every area, or with <paramref name="key"/> the one area of that key.</summary>
    public static IQueryable<AreaHead> AreaHeads(BurdenShiftDbContext db, DateOnly asOf, string? key = null) =>
        (key is null ? db.Areas.AsNoTracking() : db.Areas.AsNoTracking().Where(a => a.Key == key))
            .OrderBy(a => a.DisplayOrder).ThenBy(a => a.Name)
            .Select(a => new AreaHead(
                new AreaFacts(
                    a.Id,
                    a.Key,
                    a.Name,
                    db.DatasetInfo.Any(d => d.IsIllustrative),
                    a.Targets.OrderBy(t => t.Deadline).ThenBy(t => t.Key)
                        .Select(t => new TargetData(t.Id, t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
                            new SourceRef(t.Source!.Key, t.Source.Publisher, t.Source.Title, t.Source.Url, t.Source.Confidence)))
                        .ToList()),
                a.Weight,
                // Latest assessment dated on or before asOf (on a date tie the one entered last) and
                // its citation: scalar subqueries the (AreaId, AsOf) index answers, where EF's
                // translation of a whole-row FirstOrDefault is a window over the entire history.
                new LatestCitationRow(
                    a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => (long?)s.Id).FirstOrDefault(),
                    a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Note).FirstOrDefault(),
                    a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Key).FirstOrDefault(),
                    a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Publisher).FirstOrDefault(),
                    a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Title).FirstOrDefault(),
                    a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Url).FirstOrDefault(),
                    a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => (Domain.Confidence?)s.Source!.Confidence).FirstOrDefault()),
                // Newest first and the first match, not MAX(): SQLite scans every row for a MAX with a filter.
                a.Assessments.Where(s => s.AsOf <= asOf && s.EuropeShare != null).OrderByDescending(s => s.AsOf).Select(s => (DateOnly?)s.AsOf).FirstOrDefault(),
                a.Basis,
                a.CountPairs.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)
                    .Select(p => new PairHead(p.Id, p.Label, p.Weight, p.Note,
                        p.EuropeIndicatorId, p.EuropeIndicator!.Key,
                        p.EuropeIndicator.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).Select(o => (DateOnly?)o.AsOf).FirstOrDefault(),
                        p.UsIndicatorId, p.UsIndicator!.Key,
                        p.UsIndicator.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).Select(o => (DateOnly?)o.AsOf).FirstOrDefault(),
                        p.EuropeIndicator.Unit))
                    .ToList()));

    /// <summary>
    /// Every indicator, or with <paramref name="areaId"/> those of one area and those its count
    /// pairs count (<paramref name="paired"/>, which may belong to another area).
    /// </summary>
    public static IQueryable<IndicatorHead> IndicatorHeads(BurdenShiftDbContext db, DateOnly asOf, int? areaId = null, IReadOnlyList<int>? paired = null) =>
        (areaId is { } id
            ? db.Indicators.AsNoTracking().Where(i => i.AreaId == id || (paired ?? Array.Empty<int>()).Contains(i.Id))
            : db.Indicators.AsNoTracking())
            .OrderBy(i => i.Area == null ? 0 : i.Area.DisplayOrder).ThenBy(i => i.Name)
            .Select(i => new IndicatorHead(
                new IndicatorFacts(
                    i.Id,
                    i.Key,
                    i.Name,
                    i.Unit,
                    i.Direction,
                    i.AreaId,
                    i.Area == null ? null : i.Area.Key,
                    db.DatasetInfo.Any(d => d.IsIllustrative),
                    i.Targets.OrderBy(t => t.Deadline).ThenBy(t => t.Key)
                        .Select(t => new TargetData(t.Id, t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
                            new SourceRef(t.Source!.Key, t.Source.Publisher, t.Source.Title, t.Source.Url, t.Source.Confidence)))
                        .ToList()),
                new LatestCitationRow(
                    i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => (long?)o.Id).FirstOrDefault(),
                    i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Note).FirstOrDefault(),
                    i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Key).FirstOrDefault(),
                    i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Publisher).FirstOrDefault(),
                    i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Title).FirstOrDefault(),
                    i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Url).FirstOrDefault(),
                    i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => (Domain.Confidence?)o.Source!.Confidence).FirstOrDefault()),
                i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).Select(o => (DateOnly?)o.AsOf).FirstOrDefault()));

    /// <summary>Every milestone's due date and status, for the "milestones due by then" counts of the lists.</summary>
    public static IQueryable<MilestoneData> Milestones(BurdenShiftDbContext db) =>
        db.Milestones.AsNoTracking().Select(m => new MilestoneData(m.AreaId, new MilestoneFacts(m.Due, m.Status, m.CompletedOn)));
}

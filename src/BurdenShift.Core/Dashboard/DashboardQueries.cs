using BurdenShift.Core.Data;
using Microsoft.EntityFrameworkCore;

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
    public static IQueryable<AreaHead> AreaHeads(BurdenShiftDbContext db, DateOnly asOf) =>
        db.Areas.AsNoTracking()
            .OrderBy(a => a.DisplayOrder).ThenBy(a => a.Name)
            .Select(a => new AreaHead(
                new AreaFacts(
                    a.Id,
                    a.Key,
                    a.Name,
                    db.DatasetInfo.Any(d => d.IsIllustrative),
                    a.Targets.OrderBy(t => t.Deadline).ThenBy(t => t.Key)
                        .Select(t => new TargetData(t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
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

    public static IQueryable<AreaData> Area(BurdenShiftDbContext db, DateOnly asOf, string key) =>
        db.Areas.AsNoTracking()
            .Where(a => a.Key == key)
            .Select(a => new AreaData(
                new AreaFacts(
                    a.Id,
                    a.Key,
                    a.Name,
                    db.DatasetInfo.Any(d => d.IsIllustrative),
                    a.Targets.OrderBy(t => t.Deadline).ThenBy(t => t.Key)
                        .Select(t => new TargetData(t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
                            new SourceRef(t.Source!.Key, t.Source.Publisher, t.Source.Title, t.Source.Url, t.Source.Confidence)))
                        .ToList()),
                a.Description,
                a.ShareBasis,
                a.Basis,
                a.CountPairs.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)
                    .Select(p => new PairHead(p.Id, p.Label, p.Weight, p.Note, p.EuropeIndicatorId, p.EuropeIndicator!.Key, null,
                        p.UsIndicatorId, p.UsIndicator!.Key, null, p.EuropeIndicator.Unit))
                    .ToList(),
                a.Assessments.Where(s => s.AsOf <= asOf)
                    .OrderBy(s => s.AsOf).ThenBy(s => s.Id)
                    .Select(s => new AssessmentRow(s.Id, s.AsOf, s.AsOfPrecision, s.EuropeShare, s.UsShare, s.Confidence,
                        new SourceRef(s.Source!.Key, s.Source.Publisher, s.Source.Title, s.Source.Url, s.Source.Confidence),
                        s.Note, s.EnteredBy, s.EnteredAt))
                    .ToList()));

    public static IQueryable<IndicatorHead> IndicatorHeads(BurdenShiftDbContext db, DateOnly asOf) =>
        db.Indicators.AsNoTracking()
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
                        .Select(t => new TargetData(t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
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

    /// <summary>The area's indicators and those its count pairs count (which may belong to another area).</summary>
    public static IQueryable<IndicatorData> Indicators(BurdenShiftDbContext db, DateOnly asOf, int areaId, IReadOnlyList<int> paired) =>
        db.Indicators.AsNoTracking()
            .Where(i => i.AreaId == areaId || paired.Contains(i.Id))
            .OrderBy(i => i.Area == null ? 0 : i.Area.DisplayOrder).ThenBy(i => i.Name)
            .Select(i => new IndicatorData(
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
                        .Select(t => new TargetData(t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
                            new SourceRef(t.Source!.Key, t.Source.Publisher, t.Source.Title, t.Source.Url, t.Source.Confidence)))
                        .ToList()),
                i.Observations.Where(o => o.AsOf <= asOf).OrderBy(o => o.AsOf).ThenBy(o => o.Id)
                    .Select(o => new ObservationData(new Domain.Engine.SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence), o.AsOfPrecision,
                        new SourceRef(o.Source!.Key, o.Source.Publisher, o.Source.Title, o.Source.Url, o.Source.Confidence), o.Note))
                    .ToList()));
}

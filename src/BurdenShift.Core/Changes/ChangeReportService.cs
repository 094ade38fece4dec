using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Domain.Engine;
using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Core.Changes;

/// <summary>A figure that appeared between two dates: dated in the period, or entered in it for an earlier date (a revision).</summary>
public sealed record FigureChange(
    string Kind, string OwnerKey, string OwnerName, DateOnly AsOf, DatePrecision Precision, decimal? Europe, decimal? Us, decimal? Value,
    string? Unit, Confidence Confidence, string Source, string EnteredBy, DateTimeOffset EnteredAt, bool IsRevision);

/// <summary>An area's status against one target on each of the two dates.</summary>
public sealed record StatusMove(string AreaKey, string AreaName, string TargetKey, TargetStatus From, TargetStatus To, decimal? GapFrom, decimal? GapTo);

/// <summary>A milestone that was done, or fell overdue, between the two dates.</summary>
public sealed record MilestoneMove(string Title, string? AreaKey, DateOnly Due, DatePrecision DuePrecision, string Change, MilestoneStatus Status);

public sealed record ChangeReport(
    DateOnly From, DateOnly To, IReadOnlyList<FigureChange> Figures, IReadOnlyList<StatusMove> Statuses, IReadOnlyList<MilestoneMove> Milestones);

/// <summary>
/// What changed between two dates, computed by the engine on both dates from one load (three SQL
/// commands): figures added or revised, area statuses that moved, milestones done or slipped.
/// </summary>
public sealed class ChangeReportService(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    public async Task<ChangeReport> GetAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (from > to)
        {
            (from, to) = (to, from);
        }

        // A revision is a figure entered after the start of the period (end of that day, UTC).
        var enteredAfter = new DateTimeOffset(from.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await db.Areas.AsNoTracking()
            .OrderBy(a => a.DisplayOrder).ThenBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Key,
                a.Name,
                Targets = a.Targets.OrderBy(t => t.Deadline).Select(t => new { t.Key, t.Value, t.Deadline }).ToList(),
            })
            .ToListAsync(ct);

        // One command for both kinds (UNION ALL); set operations need the same anonymous shape on both sides.
        var rawFigures = await db.ShareAssessments.AsNoTracking()
            .Where(s => s.AsOf <= to)
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
            .Concat(db.IndicatorObservations.AsNoTracking()
                .Where(o => o.AsOf <= to && (o.AsOf > from || o.EnteredAt > enteredAfter))
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
                }))
            .ToListAsync(ct);
        var figures = rawFigures.Select(f => new FigureRow(f.Indicator ? "indicator" : "share", f.Id, f.OwnerKey, f.OwnerName, f.AsOf,
            f.AsOfPrecision, f.Europe, f.Us, f.Value, f.Unit, f.Confidence, f.Source, f.EnteredBy, f.EnteredAt)).ToList();

        var milestones = await db.Milestones.AsNoTracking()
            .Select(m => new { m.Title, Area = m.Area == null ? null : m.Area.Key, m.Due, m.DuePrecision, m.Status, m.CompletedOn })
            .ToListAsync(ct);

        var changed = figures
            .Where(f => f.AsOf > from || f.EnteredAt > enteredAfter)
            .OrderBy(f => f.AsOf).ThenBy(f => f.Id)
            .Select(f => new FigureChange(f.Kind, f.OwnerKey, f.OwnerName, f.AsOf, f.Precision, f.Europe?.Normalize(), f.Us?.Normalize(),
                f.Value?.Normalize(), f.Unit, f.Confidence, f.Source, f.EnteredBy, f.EnteredAt, IsRevision: f.AsOf <= from))
            .ToList();

        // Statuses as the engine saw them on each date; a revision entered later changes the past
        // too, which is what an analyst comparing the two dates wants to see.
        var shares = figures.Where(f => f.Kind == "share" && f.Europe is not null).ToLookup(f => f.OwnerKey);
        var moves = new List<StatusMove>();
        foreach (var area in areas)
        {
            var points = shares[area.Key].Select(f => new SeriesPoint(f.AsOf, f.Europe!.Value, f.Id, f.Confidence)).ToList();
            var before = SeriesSnapshot.Take(points, from, SeriesKind.Share, IndicatorDirection.Up);
            var after = SeriesSnapshot.Take(points, to, SeriesKind.Share, IndicatorDirection.Up);
            foreach (var t in area.Targets)
            {
                var target = new SeriesTarget(t.Value.Normalize(), t.Deadline);
                var a = before.DistanceTo(target);
                var b = after.DistanceTo(target);
                if (a.Status != b.Status)
                {
                    moves.Add(new StatusMove(area.Key, area.Name, t.Key, a.Status, b.Status, a.Gap, b.Gap));
                }
            }
        }

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

        return new ChangeReport(from, to, changed, moves, milestoneMoves);
    }

    private sealed record FigureRow(
        string Kind, long Id, string OwnerKey, string OwnerName, DateOnly AsOf, DatePrecision Precision, decimal? Europe, decimal? Us,
        decimal? Value, string? Unit, Confidence Confidence, string Source, string EnteredBy, DateTimeOffset EnteredAt);
}

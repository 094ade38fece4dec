using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Core.Overview;

/// <summary>Every area with its latest share assessment as of a date, and which dataset is loaded.</summary>
public sealed class AreaOverviewService(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    public async Task<AreaOverview> GetAsync(DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var dataset = await db.DatasetInfo.AsNoTracking()
            .Where(d => d.Id == DatasetInfo.SingletonId)
            .Select(d => new { d.Dataset, d.IsIllustrative })
            .FirstOrDefaultAsync(ct);

        // Latest assessment per area dated on or before asOf: no later one, and on a date tie no
        // later-entered one (methodology, "Current").
        var latest = await db.ShareAssessments.AsNoTracking()
            .Where(s => s.AsOf <= asOf && !db.ShareAssessments.Any(o =>
                o.AreaId == s.AreaId && o.AsOf <= asOf && (o.AsOf > s.AsOf || (o.AsOf == s.AsOf && o.Id > s.Id))))
            .Select(s => new
            {
                s.AreaId,
                Figure = new LatestShare(s.AsOf, s.AsOfPrecision, s.EuropeShare, s.UsShare, s.Confidence, s.Note,
                    new SourceRef(s.Source!.Key, s.Source.Publisher, s.Source.Title, s.Source.Url, s.Source.Confidence)),
            })
            .ToDictionaryAsync(x => x.AreaId, x => x.Figure, ct);

        var areas = await db.Areas.AsNoTracking()
            .OrderBy(a => a.DisplayOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Key, a.Name, a.Description, a.ShareBasis })
            .ToListAsync(ct);

        return new AreaOverview(
            asOf,
            dataset?.Dataset,
            dataset?.IsIllustrative ?? false,
            [.. areas.Select(a => new AreaRow(a.Key, a.Name, a.Description, a.ShareBasis, latest.GetValueOrDefault(a.Id)))]);
    }
}

public sealed record AreaOverview(DateOnly AsOf, string? Dataset, bool IsIllustrative, IReadOnlyList<AreaRow> Areas);

/// <summary>An area and its latest figures; <see cref="Latest"/> is null when no figure is public.</summary>
public sealed record AreaRow(string Key, string Name, string Description, string? ShareBasis, LatestShare? Latest);

public sealed record LatestShare(
    DateOnly AsOf,
    DatePrecision Precision,
    decimal? EuropeShare,
    decimal? UsShare,
    Confidence Confidence,
    string? Note,
    SourceRef Source)
{
    /// <summary>The date as the source gave it (e.g. "2011" for a yearly figure).</summary>
    public string AsOfText => PartialDate.Format(AsOf, Precision);
}

public sealed record SourceRef(string Key, string Publisher, string Title, string? Url, Confidence Confidence);

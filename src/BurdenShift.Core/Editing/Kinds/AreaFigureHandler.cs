namespace BurdenShift.Core.Editing.Kinds;

/// <summary>A kind whose rows are added under a capability area (assessments, targets, milestones).</summary>
internal abstract class AreaFigureHandler<T>(FigureKind kind, string noun) : FigureHandler<T>(kind, noun)
    where T : class, ISoftDeletable
{
    public override async Task<NewFigure?> NewAsync(BurdenShiftDbContext db, string? parentKey, CancellationToken ct)
    {
        var area = await db.Areas.Where(a => a.Key == parentKey).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
        return area is null ? null : new NewFigure(Create(area.Id), parentKey, $"New {Noun} for {area.Name}");
    }

    /// <summary>A new row under the area, every required value still to be set from the form.</summary>
    protected abstract T Create(int areaId);
}

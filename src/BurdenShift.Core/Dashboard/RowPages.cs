namespace BurdenShift.Core.Dashboard;

/// <summary>
/// An area's and an indicator's rows as tables and downloads: one page at a time, newest first,
/// or streamed oldest first for a full-history export. Unlike <see cref="DashboardService"/> it
/// computes nothing; it never holds more than the page it returns (docs/decisions/0012).
/// </summary>
public sealed class RowPages(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    /// <summary>The same pages read from the published record as it stood at <paramref name="knownAt"/> (docs/methodology.md, "Knowledge time").</summary>
    public RowPages KnownAt(DateTimeOffset knownAt) => new(new KnownAtContextFactory(dbFactory, knownAt));

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of an area's assessments dated on or before
    /// <paramref name="asOf"/>, newest first (on a date tie the one entered last), with the count
    /// of them all; null for an unknown key. Three SQL commands; a deep page costs the database
    /// a longer index walk, never this process more memory.
    /// </summary>
    public async Task<RowPage<AssessmentRow>?> ReadAssessmentsAsync(string key, DateOnly asOf, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RowQueries.AreaIdAsync(db, key, ct) is not { } id)
        {
            return null;
        }

        var total = await HistoryReads.Shares(db, id, asOf).CountAsync(ct);
        var rows = await RowQueries.NewestAssessments(db, id, asOf, (page - 1) * pageSize, pageSize).ToListAsync(ct);
        return new RowPage<AssessmentRow>([.. rows.Select(RowQueries.Normalised)], page, pageSize, total);
    }

    /// <summary>Page <paramref name="page"/> of an indicator's observations, newest first, as <see cref="ReadAssessmentsAsync"/>.</summary>
    public async Task<RowPage<ObservationRow>?> ReadObservationsAsync(string key, DateOnly asOf, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RowQueries.IndicatorIdAsync(db, key, ct) is not { } id)
        {
            return null;
        }

        var total = await HistoryReads.Observations(db, id, asOf).CountAsync(ct);
        var rows = await RowQueries.NewestObservations(db, id, asOf, (page - 1) * pageSize, pageSize).ToListAsync(ct);
        return new RowPage<ObservationRow>([.. rows.Select(RowQueries.Normalised)], page, pageSize, total);
    }

    /// <summary>
    /// Every assessment of an area dated on or before the date, oldest first, as the database
    /// sends them: a full-history export writes each row and keeps none (docs/decisions/0012).
    /// </summary>
    public async IAsyncEnumerable<AssessmentRow> StreamAssessmentsAsync(
        string key, DateOnly asOf, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RowQueries.AreaIdAsync(db, key, ct) is not { } id)
        {
            yield break;
        }

        await foreach (var row in RowQueries.AssessmentRows(HistoryReads.Shares(db, id, asOf).OrderBy(s => s.AsOf).ThenBy(s => s.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return RowQueries.Normalised(row);
        }
    }

    /// <summary>Every observation of the area's indicators (indicator by indicator, oldest first), streamed.</summary>
    public async IAsyncEnumerable<(string Indicator, ObservationRow Row)> StreamObservationsAsync(
        string areaKey, DateOnly asOf, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RowQueries.AreaIdAsync(db, areaKey, ct) is not { } areaId)
        {
            yield break;
        }

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.AreaId == areaId)
            .OrderBy(i => i.Name).Select(i => new { i.Id, i.Key }).ToListAsync(ct);
        foreach (var indicator in indicators)
        {
            var rows = RowQueries.ObservationRows(HistoryReads.Observations(db, indicator.Id, asOf).OrderBy(o => o.AsOf).ThenBy(o => o.Id));
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                yield return (indicator.Key, RowQueries.Normalised(row));
            }
        }
    }
}

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// The row look-ups and projections that the dashboard's area entry (its newest rows) and the
/// row pages share, so a table row reads the same wherever it is shown.
/// </summary>
internal static class RowQueries
{
    internal static async Task<int?> AreaIdAsync(BurdenShiftDbContext db, string key, CancellationToken ct) =>
        Inputs.InputRules.IsPlausibleKey(key)
            ? await db.Areas.AsNoTracking().Where(a => a.Key == key).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            : null;

    internal static async Task<int?> IndicatorIdAsync(BurdenShiftDbContext db, string key, CancellationToken ct) =>
        Inputs.InputRules.IsPlausibleKey(key)
            ? await db.Indicators.AsNoTracking().Where(i => i.Key == key).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct)
            : null;

    internal static IQueryable<AssessmentRow> NewestAssessments(BurdenShiftDbContext db, int areaId, DateOnly asOf, int skip, int take) =>
        AssessmentRows(HistoryReads.Shares(db, areaId, asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Skip(skip).Take(take));

    internal static IQueryable<ObservationRow> NewestObservations(BurdenShiftDbContext db, int indicatorId, DateOnly asOf, int skip, int take) =>
        ObservationRows(HistoryReads.Observations(db, indicatorId, asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Skip(skip).Take(take));

    internal static AssessmentRow Normalised(AssessmentRow s) => s with
    {
        EuropeShare = s.EuropeShare.Normalize(),
        UsShare = s.UsShare.Normalize(),
        EuropeLow = s.EuropeLow.Normalize(),
        EuropeHigh = s.EuropeHigh.Normalize(),
        UsLow = s.UsLow.Normalize(),
        UsHigh = s.UsHigh.Normalize(),
    };

    internal static ObservationRow Normalised(ObservationRow o) => o with { Value = o.Value.Normalize(), Low = o.Low.Normalize(), High = o.High.Normalize() };

    internal static IQueryable<AssessmentRow> AssessmentRows(IQueryable<ShareAssessment> rows) =>
        rows.Select(s => new AssessmentRow(s.Id, s.AsOf, s.AsOfPrecision, s.EuropeShare, s.UsShare, s.Confidence,
            new SourceRef(s.Source!.Key, s.Source.Publisher, s.Source.Title, s.Source.Url, s.Source.Confidence),
            s.Note, s.EnteredBy, s.EnteredAt, s.EuropeLow, s.EuropeHigh, s.UsLow, s.UsHigh));

    internal static IQueryable<ObservationRow> ObservationRows(IQueryable<IndicatorObservation> rows) => rows.Select(ToObservationRow);

    /// <summary>An observation as the read model shows it, also inside other projections (the methodology's series).</summary>
    internal static readonly Expression<Func<IndicatorObservation, ObservationRow>> ToObservationRow = o => new ObservationRow(o.Id, o.AsOf, o.AsOfPrecision, o.Value,
        o.Confidence, new SourceRef(o.Source!.Key, o.Source.Publisher, o.Source.Title, o.Source.Url, o.Source.Confidence), o.Note, o.Low, o.High);
}

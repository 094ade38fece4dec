namespace BurdenShift.Core.Imports;

/// <summary>One valid row of an import file: a share assessment (AreaId set) or an indicator observation.</summary>
internal sealed record ImportRow(
    int AreaId, int IndicatorId, DateOnly AsOf, decimal? EuropeShare, decimal? UsShare, decimal Value,
    Confidence Confidence, string? SourceKey, string? Note)
{
    public int SourceId { get; set; }

    public Source? NewSource { get; set; }

    public int Line { get; init; }

    public string Key { get; init; } = "";

    public ImportBounds Bounds { get; init; } = ImportBounds.None;

    public ImportPreviewRow ToPreview(string sourceText) => new(Line, Key, AsOf, EuropeShare, UsShare, AreaId == 0 ? Value : null,
        Confidence.ToWire(), sourceText, Note, Bounds);

    public SourcedFigure ToEntity(string enteredBy, DateTimeOffset now, Source? newSource)
    {
        SourcedFigure figure = AreaId != 0
            ? new ShareAssessment
            {
                AreaId = AreaId,
                EuropeShare = EuropeShare,
                UsShare = UsShare,
                EuropeLow = Bounds.EuropeLow,
                EuropeHigh = Bounds.EuropeHigh,
                UsLow = Bounds.UsLow,
                UsHigh = Bounds.UsHigh,
                EnteredBy = enteredBy,
            }
            : new IndicatorObservation { IndicatorId = IndicatorId, Value = Value, Low = Bounds.Low, High = Bounds.High, EnteredBy = enteredBy };
        (figure.AsOf, figure.SourceId, figure.Source) = (AsOf, SourceId, newSource);
        (figure.Confidence, figure.Note, figure.EnteredAt) = (Confidence, Note, now);
        return figure;
    }
}

using BurdenShift.Core.Domain;

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

    public decimal? EuropeLow { get; init; }

    public decimal? EuropeHigh { get; init; }

    public decimal? UsLow { get; init; }

    public decimal? UsHigh { get; init; }

    public decimal? Low { get; init; }

    public decimal? High { get; init; }

    public ImportPreviewRow ToPreview(string sourceText) => new(Line, Key, AsOf, EuropeShare, UsShare, AreaId == 0 ? Value : null,
        Confidence.ToWire(), sourceText, Note)
    {
        EuropeLow = EuropeLow,
        EuropeHigh = EuropeHigh,
        UsLow = UsLow,
        UsHigh = UsHigh,
        Low = Low,
        High = High,
    };

    public object ToEntity(string enteredBy, DateTimeOffset now, Source? newSource) => AreaId != 0
        ? new ShareAssessment
        {
            AreaId = AreaId,
            AsOf = AsOf,
            EuropeShare = EuropeShare,
            UsShare = UsShare,
            EuropeLow = EuropeLow,
            EuropeHigh = EuropeHigh,
            UsLow = UsLow,
            UsHigh = UsHigh,
            SourceId = SourceId,
            Source = newSource,
            Confidence = Confidence,
            Note = Note,
            EnteredBy = enteredBy,
            EnteredAt = now,
        }
        : new IndicatorObservation
        {
            IndicatorId = IndicatorId,
            AsOf = AsOf,
            Value = Value,
            Low = Low,
            High = High,
            SourceId = SourceId,
            Source = newSource,
            Confidence = Confidence,
            Note = Note,
            EnteredBy = enteredBy,
            EnteredAt = now,
        };
}

namespace BurdenShift.Core.Editing.Kinds;

/// <summary>Indicator observations: a value of an indicator on a date, added under the indicator.</summary>
internal sealed class ObservationHandler() : FigureHandler<IndicatorObservation>(FigureKind.Observation, "indicator observation")
{
    public override string? ParentNoun => "indicator";

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new(FormFields.AsOf, "Date the value describes", FieldKind.Date, true),
        new(FormFields.Value, "Value", FieldKind.Number, true),
        new(FormFields.Low, "Low end of the range (optional)", FieldKind.Number, false, "When the source gives a range around the value."),
        new(FormFields.High, "High end of the range (optional)", FieldKind.Number, false),
        .. SourcedFigureForm.Grade,
    ];

    public override async Task<NewFigure?> NewAsync(BurdenShiftDbContext db, string? parentKey, CancellationToken ct)
    {
        var indicator = await db.Indicators.Where(i => i.Key == parentKey).Select(i => new { i.Id, i.Name, Area = i.Area!.Key }).FirstOrDefaultAsync(ct);
        return indicator is null ? null
            : new NewFigure(new IndicatorObservation { IndicatorId = indicator.Id, EnteredBy = "" }, indicator.Area, $"New observation of {indicator.Name}");
    }

    protected override Expression<Func<IndicatorObservation, bool>> IdIn(long[] ids) => o => ids.Contains(o.Id);

    protected override string Describe(IndicatorObservation row) => $"Observation {row.AsOf:yyyy-MM-dd}: {Num(row.Value)}{Span(row.Value, row.Low, row.High)}";

    protected override Task ApplyAsync(BurdenShiftDbContext db, IndicatorObservation row, FormValues v, bool adding, CancellationToken ct)
    {
        SourcedFigureForm.ApplyDate(row, v);
        var value = v.Number(FormFields.Value, TypedValues.Value, required: true);
        row.Value = value ?? row.Value;
        row.Low = v.Number(FormFields.Low, TypedValues.Value, required: false);
        row.High = v.Number(FormFields.High, TypedValues.Value, required: false);
        if (value is not null && !v.Has(FormFields.Low) && !v.Has(FormFields.High))
        {
            SourcedFigureForm.RangeErrors(v, "the value", value, (FormFields.Low, row.Low), (FormFields.High, row.High), share: false);
        }

        SourcedFigureForm.ApplyGrade(row, v);
        return Task.CompletedTask;
    }

    protected override void Read(IndicatorObservation row, IDictionary<string, string?> values)
    {
        SourcedFigureForm.Read(row, values);
        values[FormFields.Value] = Text(row.Value);
        values[FormFields.Low] = Text(row.Low);
        values[FormFields.High] = Text(row.High);
    }

    protected override Task<int?> AreaIdAsync(BurdenShiftDbContext db, IndicatorObservation row, CancellationToken ct) =>
        db.Indicators.Where(i => i.Id == row.IndicatorId).Select(i => i.AreaId).FirstOrDefaultAsync(ct);

    protected override Task<string?> ParentKeyAsync(BurdenShiftDbContext db, IndicatorObservation row, CancellationToken ct) =>
        db.Indicators.Where(i => i.Id == row.IndicatorId).Select(i => (string?)i.Key).FirstOrDefaultAsync(ct);
}

namespace BurdenShift.Core.Editing.Kinds;

/// <summary>
/// Count pairs: two indicators of one unit, Europe's and the US's, from which an area's shares
/// can be derived (docs/methodology.md, "Shares derived from counts"). A pair cites no source of
/// its own: each of its counts does.
/// </summary>
internal sealed class CountPairHandler() : AreaFigureHandler<AreaCountPair>(FigureKind.Pair, "count pair")
{
    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new(FormFields.Label, "What is counted", FieldKind.Text, true, "Unique within the area, e.g. Tanker aircraft."),
        new(FormFields.EuropeIndicator, "Indicator counting Europe (its key)", FieldKind.Text, true, "e.g. tankers-europe"),
        new(FormFields.UsIndicator, "Indicator counting the United States (its key)", FieldKind.Text, true, "e.g. tankers-us; the same unit as Europe's."),
        new(FormFields.Weight, "Weight in the area's mean", FieldKind.Number, true, "Above 0; 1 for an ordinary pair.", Default: "1"),
        new(FormFields.Note, "Caveats", FieldKind.LongText, false, "Global against in-Europe fleets, partial counts, dates years apart."),
    ];

    protected override AreaCountPair Create(int areaId) => new() { AreaId = areaId, Label = "" };

    protected override Expression<Func<AreaCountPair, bool>> IdIn(long[] ids) => p => ids.Contains(p.Id);

    protected override string Describe(AreaCountPair row) => $"Count pair {row.Label}";

    protected override async Task ApplyAsync(BurdenShiftDbContext db, AreaCountPair row, FormValues v, bool adding, CancellationToken ct)
    {
        var label = v.Text(FormFields.Label, ColumnLimits.PairLabel, required: true);
        if (label is not null && await db.CountPairs.AnyAsync(p => p.AreaId == row.AreaId && p.Label == label && p.Id != row.Id, ct))
        {
            v.Error(FormFields.Label, $"This area already has a pair called '{label}'.");
        }

        row.Label = label ?? row.Label;
        row.Weight = v.Number(FormFields.Weight, TypedValues.Weight, required: true) ?? row.Weight;
        if (!v.Has(FormFields.Weight) && row.Weight <= 0m)
        {
            v.Error(FormFields.Weight, "A pair's weight must be above 0: delete the pair to leave it out.");
        }

        var europe = await IndicatorAsync(db, v, FormFields.EuropeIndicator, ct);
        var us = await IndicatorAsync(db, v, FormFields.UsIndicator, ct);
        if (europe is not null && us is not null)
        {
            if (europe.Id == us.Id)
            {
                v.Error(FormFields.UsIndicator, "Europe and the United States need two different indicators.");
            }
            else if (!string.Equals(europe.Unit, us.Unit, StringComparison.Ordinal))
            {
                v.Error(FormFields.UsIndicator, $"A pair counts one unit: '{europe.Key}' is in {europe.Unit}, '{us.Key}' in {us.Unit}.");
            }
        }

        row.EuropeIndicatorId = europe?.Id ?? row.EuropeIndicatorId;
        row.UsIndicatorId = us?.Id ?? row.UsIndicatorId;
        row.Note = v.LongText(FormFields.Note, ColumnLimits.Note, required: false);
    }

    private static async Task<IndicatorRef?> IndicatorAsync(BurdenShiftDbContext db, FormValues v, string field, CancellationToken ct)
    {
        if (v.Text(field, ColumnLimits.IndicatorKey, required: true) is not { } key)
        {
            return null;
        }

        var found = InputRules.IsPlausibleKey(key)
            ? await db.Indicators.Where(i => i.Key == key).Select(i => new IndicatorRef(i.Id, i.Key, i.Unit)).FirstOrDefaultAsync(ct)
            : null;
        if (found is null)
        {
            v.Error(field, $"There is no indicator with the key '{key}'.");
        }

        return found;
    }

    // The form names the indicators by key: load them before it is read.
    protected override async Task PrepareFormAsync(BurdenShiftDbContext db, AreaCountPair row, CancellationToken ct)
    {
        await db.Entry(row).Reference(p => p.EuropeIndicator).LoadAsync(ct);
        await db.Entry(row).Reference(p => p.UsIndicator).LoadAsync(ct);
    }

    protected override void Read(AreaCountPair row, IDictionary<string, string?> values)
    {
        values[FormFields.Label] = row.Label;
        values[FormFields.Weight] = Text(row.Weight);
        values[FormFields.Note] = row.Note;
        values[FormFields.EuropeIndicator] = row.EuropeIndicator?.Key;
        values[FormFields.UsIndicator] = row.UsIndicator?.Key;
    }

    protected override Task<int?> AreaIdAsync(BurdenShiftDbContext db, AreaCountPair row, CancellationToken ct) => Task.FromResult<int?>(row.AreaId);

    private sealed record IndicatorRef(int Id, string Key, string Unit);
}

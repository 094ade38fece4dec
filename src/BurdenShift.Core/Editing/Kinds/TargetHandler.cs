namespace BurdenShift.Core.Editing.Kinds;

/// <summary>Targets: the share Europe is to reach in an area by a deadline, with its rationale.</summary>
internal sealed class TargetHandler() : AreaFigureHandler<Target>(FigureKind.Target, "target")
{
    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new(FormFields.Key, "Key", FieldKind.Text, true, "Short and unique for the area, e.g. 2027.", OnlyOnAdd: true),
        new(FormFields.Label, "Label", FieldKind.Text, true),
        new(FormFields.Value, "Europe's share to reach, %", FieldKind.Number, true),
        new(FormFields.Deadline, "Deadline", FieldKind.Date, true),
        new(FormFields.Rationale, "Rationale", FieldKind.LongText, true, "Why this value and this date: who asked for it, in what words."),
        FieldSpec.Source,
    ];

    protected override Target Create(int areaId) => new() { AreaId = areaId, Key = "", Label = "", Rationale = "" };

    protected override Expression<Func<Target, bool>> IdIn(long[] ids) => t => ids.Contains(t.Id);

    protected override string Describe(Target row) => $"Target {row.Key}: {Num(row.Value)} by {row.Deadline:yyyy-MM-dd}";

    protected override async Task ApplyAsync(BurdenShiftDbContext db, Target row, FormValues v, bool adding, CancellationToken ct)
    {
        if (adding)
        {
            var key = v.Text(FormFields.Key, ColumnLimits.TargetKey, required: true);
            if (key is not null && await db.Targets.AnyAsync(x => x.AreaId == row.AreaId && x.Key == key, ct))
            {
                v.Error(FormFields.Key, $"This area already has a target with the key '{key}'.");
            }

            row.Key = key ?? "";
        }

        row.Label = v.Text(FormFields.Label, ColumnLimits.TargetLabel, required: true) ?? row.Label;
        row.Value = v.Number(FormFields.Value, TypedValues.Percent, required: true) ?? row.Value;
        row.Deadline = v.Date(FormFields.Deadline, required: true) ?? row.Deadline;
        row.Rationale = v.LongText(FormFields.Rationale, ColumnLimits.Rationale, required: true) ?? row.Rationale;
    }

    protected override void Read(Target row, IDictionary<string, string?> values)
    {
        values[FormFields.Key] = row.Key;
        values[FormFields.Label] = row.Label;
        values[FormFields.Value] = Text(row.Value);
        values[FormFields.Deadline] = Text(row.Deadline);
        values[FormFields.Rationale] = row.Rationale;
    }

    // An indicator's target belongs to the indicator's area.
    protected override async Task<int?> AreaIdAsync(BurdenShiftDbContext db, Target row, CancellationToken ct) =>
        row.AreaId ?? await db.Indicators.Where(i => i.Id == row.IndicatorId).Select(i => i.AreaId).FirstOrDefaultAsync(ct);
}

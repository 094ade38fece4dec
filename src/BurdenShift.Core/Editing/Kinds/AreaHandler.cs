using System.Text.RegularExpressions;
using BurdenShift.Core.Data.Seeding;

namespace BurdenShift.Core.Editing.Kinds;

/// <summary>Capability areas: added on their own, each with the standard 2027 and 2030 targets.</summary>
internal sealed partial class AreaHandler() : FigureHandler<CapabilityArea>(FigureKind.Area, "capability area")
{
    public override string? ParentNoun => null;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new(FormFields.Key, "Key (used in URLs and imports)", FieldKind.Text, true, "Lower-case letters, digits and dashes, e.g. space-lift.", OnlyOnAdd: true),
        new(FormFields.Name, "Name", FieldKind.Text, true),
        new(FormFields.Description, "Description", FieldKind.LongText, false),
        new(FormFields.ShareBasis, "What the share figures measure", FieldKind.LongText, false, "Say when the only public figures are a proxy."),
        new(FormFields.Basis, "Share basis", FieldKind.ShareBasis, true,
            "assessed: the share assessments feed the status and the index; derived: the shares derived from the area's count pairs do.", Default: "assessed"),
        new(FormFields.Weight, "Weight in the handover index", FieldKind.Number, true, "1 for an ordinary area; 0 leaves it out of the index.", Default: "1"),
    ];

    public override async Task<NewFigure?> NewAsync(BurdenShiftDbContext db, string? parentKey, CancellationToken ct)
    {
        var order = await db.Areas.IgnoreQueryFilters().MaxAsync(a => (int?)a.DisplayOrder, ct) ?? 0;
        return new NewFigure(new CapabilityArea { Key = "", Name = "", DisplayOrder = order + 1 }, null, "New capability area");
    }

    public override async Task<IReadOnlyList<object>> AddedWithAsync(BurdenShiftDbContext db, object row, CancellationToken ct)
    {
        var targets = new List<object>();
        foreach (var seed in new[] { StandardData.Target2027, StandardData.Target2030 })
        {
            var sourceId = await db.Sources.Where(s => s.Key == seed.Source).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (sourceId is null)
            {
                continue;
            }

            var target = new Target
            {
                Area = (CapabilityArea)row,
                Key = seed.Key,
                Label = seed.Label,
                Deadline = DateOnly.Parse(seed.Deadline, CultureInfo.InvariantCulture),
                Value = seed.Value,
                Rationale = seed.Rationale,
                SourceId = sourceId.Value,
            };
            db.Targets.Add(target);
            targets.Add(target);
        }

        return targets;
    }

    public override Task<string?> AreaKeyOfAsync(BurdenShiftDbContext db, object row, CancellationToken ct) =>
        Task.FromResult<string?>(((CapabilityArea)row).Key);

    protected override Expression<Func<CapabilityArea, bool>> IdIn(long[] ids) => a => ids.Contains(a.Id);

    protected override string Describe(CapabilityArea row) => $"Area {row.Name} ({row.Key})";

    protected override async Task ApplyAsync(BurdenShiftDbContext db, CapabilityArea row, FormValues v, bool adding, CancellationToken ct)
    {
        if (adding)
        {
            var key = v.Text(FormFields.Key, ColumnLimits.AreaKey, required: true);
            if (key is not null && !KeyPattern().IsMatch(key))
            {
                v.Error(FormFields.Key, "Use lower-case letters, digits and single dashes, e.g. space-lift.");
            }
            else if (key is "index" or "indicator")
            {
                // /api/export/chart/index.png and /api/export/chart/indicator/... are taken.
                v.Error(FormFields.Key, $"'{key}' is reserved: export addresses use it. Choose another key.");
            }
            else if (key is not null && await db.Areas.AnyAsync(x => x.Key == key, ct))
            {
                v.Error(FormFields.Key, $"An area with the key '{key}' already exists.");
            }

            row.Key = key ?? "";
        }

        row.Name = v.Text(FormFields.Name, ColumnLimits.AreaName, required: true) ?? row.Name;
        row.Description = v.LongText(FormFields.Description, ColumnLimits.Description, required: false) ?? "";
        row.ShareBasis = v.LongText(FormFields.ShareBasis, ColumnLimits.Description, required: false);
        // A form without the field (an older client) keeps the stored basis; a new area's is assessed.
        if (string.IsNullOrWhiteSpace(v.Raw(FormFields.Basis)))
        {
        }
        else if (WireNames.TryParseShareBasis(v.Raw(FormFields.Basis), out var basis))
        {
            row.Basis = basis;
        }
        else
        {
            v.Error(FormFields.Basis, "Choose a share basis: assessed or derived.");
        }

        row.Weight = v.Number(FormFields.Weight, TypedValues.Weight, required: true) ?? row.Weight;
    }

    protected override void Read(CapabilityArea row, IDictionary<string, string?> values)
    {
        values[FormFields.Key] = row.Key;
        values[FormFields.Name] = row.Name;
        values[FormFields.Description] = row.Description;
        values[FormFields.ShareBasis] = row.ShareBasis;
        values[FormFields.Basis] = row.Basis.ToWire();
        values[FormFields.Weight] = Text(row.Weight);
    }

    protected override Task<int?> AreaIdAsync(BurdenShiftDbContext db, CapabilityArea row, CancellationToken ct) => Task.FromResult<int?>(row.Id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}

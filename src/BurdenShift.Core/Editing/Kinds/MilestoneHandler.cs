namespace BurdenShift.Core.Editing.Kinds;

/// <summary>Milestones: dated events of an area, with a status and, once done, a completion date.</summary>
internal sealed class MilestoneHandler() : AreaFigureHandler<Milestone>(FigureKind.Milestone, "milestone")
{
    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new(FormFields.Title, "Title", FieldKind.Text, true),
        new(FormFields.Due, "Due", FieldKind.Date, true),
        new(FormFields.Status, "Status", FieldKind.MilestoneStatus, true, Default: "planned"),
        new(FormFields.CompletedOn, "Completed on (only when done)", FieldKind.Date, false),
        FieldSpec.Source,
        new(FormFields.Note, "Note", FieldKind.LongText, false),
    ];

    protected override Milestone Create(int areaId) => new() { AreaId = areaId, Title = "" };

    protected override Expression<Func<Milestone, bool>> IdIn(long[] ids) => m => ids.Contains(m.Id);

    protected override string Describe(Milestone row) => $"Milestone {row.Due:yyyy-MM-dd}: {row.Title}";

    protected override Task ApplyAsync(BurdenShiftDbContext db, Milestone row, FormValues v, bool adding, CancellationToken ct)
    {
        row.Title = v.Text(FormFields.Title, ColumnLimits.MilestoneTitle, required: true) ?? row.Title;
        if (v.Date(FormFields.Due, required: true) is { } due && due != row.Due)
        {
            (row.Due, row.DuePrecision) = (due, DatePrecision.Day);
        }

        if (WireNames.TryParseMilestoneStatus(v.Raw(FormFields.Status), out var status))
        {
            row.Status = status;
        }
        else
        {
            v.Error(FormFields.Status, "Choose a status: planned, in-progress, done, slipped or cancelled.");
        }

        row.CompletedOn = v.Date(FormFields.CompletedOn, required: false);
        if (row.CompletedOn is not null && row.Status != MilestoneStatus.Done)
        {
            v.Error(FormFields.CompletedOn, "A completion date goes only with the status done.");
        }

        row.Note = v.LongText(FormFields.Note, ColumnLimits.Note, required: false);
        return Task.CompletedTask;
    }

    protected override void Read(Milestone row, IDictionary<string, string?> values)
    {
        values[FormFields.Title] = row.Title;
        values[FormFields.Due] = Text(row.Due);
        values[FormFields.Status] = row.Status.ToWire();
        values[FormFields.CompletedOn] = row.CompletedOn is { } done ? Text(done) : null;
        values[FormFields.Note] = row.Note;
    }

    protected override Task<int?> AreaIdAsync(BurdenShiftDbContext db, Milestone row, CancellationToken ct) => Task.FromResult(row.AreaId);
}

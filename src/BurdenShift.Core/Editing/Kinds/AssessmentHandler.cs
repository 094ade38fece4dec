namespace BurdenShift.Core.Editing.Kinds;

/// <summary>Share assessments: Europe's and the US share of an area on a date, graded and sourced.</summary>
internal sealed class AssessmentHandler() : AreaFigureHandler<ShareAssessment>(FigureKind.Assessment, "share assessment")
{
    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new(FormFields.AsOf, "Date the figure describes", FieldKind.Date, true),
        new(FormFields.EuropeShare, "Europe's share, % (empty if not published)", FieldKind.Number, false),
        new(FormFields.EuropeLow, "Europe's share, low end of the range, % (optional)", FieldKind.Number, false, "When the source gives a range such as 15-25%."),
        new(FormFields.EuropeHigh, "Europe's share, high end of the range, % (optional)", FieldKind.Number, false),
        new(FormFields.UsShare, "US share, % (empty if not published)", FieldKind.Number, false),
        new(FormFields.UsLow, "US share, low end of the range, % (optional)", FieldKind.Number, false),
        new(FormFields.UsHigh, "US share, high end of the range, % (optional)", FieldKind.Number, false),
        .. SourcedFigureForm.Grade,
    ];

    protected override ShareAssessment Create(int areaId) => new() { AreaId = areaId, EnteredBy = "" };

    protected override Expression<Func<ShareAssessment, bool>> IdIn(long[] ids) => s => ids.Contains(s.Id);

    protected override string Describe(ShareAssessment row) =>
        $"Share assessment {row.AsOf:yyyy-MM-dd}: Europe {Num(row.EuropeShare)}{Span(row.EuropeShare, row.EuropeLow, row.EuropeHigh)}, US {Num(row.UsShare)}{Span(row.UsShare, row.UsLow, row.UsHigh)}";

    protected override Task ApplyAsync(BurdenShiftDbContext db, ShareAssessment row, FormValues v, bool adding, CancellationToken ct)
    {
        SourcedFigureForm.ApplyDate(row, v);
        var eu = v.Number(FormFields.EuropeShare, TypedValues.Share, required: false);
        var us = v.Number(FormFields.UsShare, TypedValues.Share, required: false);
        if (!v.Has(FormFields.EuropeShare) && !v.Has(FormFields.UsShare))
        {
            foreach (var (field, message) in FigureRules.ShareProblems(FormFields.EuropeShare, eu, FormFields.UsShare, us))
            {
                v.Error(field, message.Replace(FormFields.EuropeShare, "Europe's share", StringComparison.Ordinal)
                    .Replace(FormFields.UsShare, "the US share", StringComparison.Ordinal));
            }
        }

        (row.EuropeShare, row.UsShare) = (eu, us);
        (row.EuropeLow, row.EuropeHigh) = Range(v, FormFields.EuropeShare, "Europe's share", eu, FormFields.EuropeLow, FormFields.EuropeHigh);
        (row.UsLow, row.UsHigh) = Range(v, FormFields.UsShare, "the US share", us, FormFields.UsLow, FormFields.UsHigh);
        SourcedFigureForm.ApplyGrade(row, v);
        return Task.CompletedTask;
    }

    /// <summary>A share's optional range: each bound within 0..100 and on its side of the share.</summary>
    private static (decimal? Low, decimal? High) Range(FormValues v, string shareField, string shareName, decimal? share, string lowField, string highField)
    {
        var low = v.Number(lowField, TypedValues.Share, required: false);
        var high = v.Number(highField, TypedValues.Share, required: false);
        if (!v.Has(shareField) && !v.Has(lowField) && !v.Has(highField))
        {
            SourcedFigureForm.RangeErrors(v, shareName, share, (lowField, low), (highField, high), share: true);
        }

        return (low, high);
    }

    protected override void Read(ShareAssessment row, IDictionary<string, string?> values)
    {
        SourcedFigureForm.Read(row, values);
        values[FormFields.EuropeShare] = Text(row.EuropeShare);
        values[FormFields.UsShare] = Text(row.UsShare);
        values[FormFields.EuropeLow] = Text(row.EuropeLow);
        values[FormFields.EuropeHigh] = Text(row.EuropeHigh);
        values[FormFields.UsLow] = Text(row.UsLow);
        values[FormFields.UsHigh] = Text(row.UsHigh);
    }

    protected override Task<int?> AreaIdAsync(BurdenShiftDbContext db, ShareAssessment row, CancellationToken ct) => Task.FromResult<int?>(row.AreaId);
}

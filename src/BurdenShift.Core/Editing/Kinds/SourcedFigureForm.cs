using BurdenShift.Core.Formatting;

namespace BurdenShift.Core.Editing.Kinds;

/// <summary>
/// The form half every <see cref="SourcedFigure"/> kind shares (assessments, observations): its
/// date, its grade, source and note, and the wording of a range's problems, written once.
/// </summary>
internal static class SourcedFigureForm
{
    /// <summary>The fields after a figure's own values: how far it is trusted, where it comes from, a note.</summary>
    public static readonly FieldSpec[] Grade =
    [
        new(FormFields.Confidence, "Confidence", FieldKind.Confidence, true),
        FieldSpec.Source,
        new(FormFields.Note, "Note", FieldKind.LongText, false),
    ];

    /// <summary>The date (a day, as the form's picker gives it) when it changed.</summary>
    public static void ApplyDate(SourcedFigure row, FormValues v)
    {
        if (v.Date(FormFields.AsOf, required: true) is { } date && date != row.AsOf)
        {
            (row.AsOf, row.AsOfPrecision) = (date, DatePrecision.Day);
        }
    }

    public static void ApplyGrade(SourcedFigure row, FormValues v)
    {
        row.Confidence = v.Confidence(FormFields.Confidence) ?? row.Confidence;
        row.Note = v.LongText(FormFields.Note, ColumnLimits.Note, required: false);
    }

    /// <summary>The date, grade and note as the form shows them (the source is added by the caller).</summary>
    public static void Read(SourcedFigure row, IDictionary<string, string?> values)
    {
        values[FormFields.AsOf] = Formats.Date(row.AsOf);
        values[FormFields.Confidence] = row.Confidence.ToWire();
        values[FormFields.Note] = row.Note;
    }

    /// <summary>A range's problems (<see cref="FigureRules.RangeProblems"/>) as errors on its two fields, each a sentence.</summary>
    public static void RangeErrors(FormValues v, string valueName, decimal? value, (string Field, decimal? Value) low, (string Field, decimal? Value) high, bool share)
    {
        foreach (var (field, message) in FigureRules.RangeProblems(valueName, value, "the low end", low.Value, "the high end", high.Value, share))
        {
            v.Error(field == "the low end" ? low.Field : high.Field, char.ToUpperInvariant(message[0]) + message[1..] + ".");
        }
    }
}

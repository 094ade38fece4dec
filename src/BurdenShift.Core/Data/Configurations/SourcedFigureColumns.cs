namespace BurdenShift.Core.Data.Configurations;

/// <summary>The columns, constraint and indexes every <see cref="SourcedFigure"/> table has, configured once.</summary>
internal static class SourcedFigureColumns
{
    public static TableBuilder<T> Graded<T>(this TableBuilder<T> t)
        where T : SourcedFigure =>
        t.OneOf(nameof(SourcedFigure.Confidence), WireNames.Confidences.Names);

    public static void HasSourcedFigureColumns<T>(this EntityTypeBuilder<T> b)
        where T : SourcedFigure
    {
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.Property(x => x.EnteredBy).HasMaxLength(ColumnLimits.EnteredBy);
        // The source registry's page (docs/decisions/0012): the newest rows citing a source are a
        // short backward walk of this index, and its count an index-only range, whatever the history.
        b.HasIndex(x => new { x.SourceId, x.AsOf, x.Id });
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

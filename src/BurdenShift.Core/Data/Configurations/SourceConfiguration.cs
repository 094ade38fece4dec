namespace BurdenShift.Core.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.ToTable("Sources", t => t.NotBlank("Key", "Publisher", "Title").OneOf("Confidence", WireNames.Confidences.Names));
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(ColumnLimits.SourceKey);
        b.Property(x => x.Publisher).HasMaxLength(ColumnLimits.SourcePublisher);
        b.Property(x => x.Title).HasMaxLength(ColumnLimits.SourceTitle);
        b.Property(x => x.Url).HasMaxLength(ColumnLimits.SourceUrl);
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.Property(x => x.EnteredBy).HasMaxLength(ColumnLimits.EnteredBy);
    }
}

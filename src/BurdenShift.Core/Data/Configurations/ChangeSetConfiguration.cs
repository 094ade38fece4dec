namespace BurdenShift.Core.Data.Configurations;

internal sealed class ChangeSetConfiguration : IEntityTypeConfiguration<ChangeSet>
{
    public void Configure(EntityTypeBuilder<ChangeSet> b)
    {
        b.ToTable("ChangeSets", t => t.OneOf("Kind", ["import", "undo"]).NotBlank("By"));
        b.Property(x => x.Kind).HasMaxLength(10);
        b.Property(x => x.Description).HasMaxLength(ColumnLimits.Summary);
        b.Property(x => x.By).HasMaxLength(ColumnLimits.UserName);
        b.Property(x => x.UndoneBy).HasMaxLength(ColumnLimits.UserName);
        b.HasIndex(x => x.At);
    }
}

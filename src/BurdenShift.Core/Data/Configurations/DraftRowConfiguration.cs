namespace BurdenShift.Core.Data.Configurations;

internal sealed class DraftRowConfiguration : IEntityTypeConfiguration<DraftRow>
{
    public void Configure(EntityTypeBuilder<DraftRow> b)
    {
        b.ToTable("DraftRows");
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.EntityType).HasMaxLength(60);
        b.Property(x => x.EntityId).HasMaxLength(60);
        b.Property(x => x.Summary).HasMaxLength(ColumnLimits.Summary);
        b.Property(x => x.AreaKey).HasMaxLength(ColumnLimits.AreaKey);
        b.HasIndex(x => x.DraftId);
    }
}

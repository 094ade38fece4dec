namespace BurdenShift.Core.Data.Configurations;

internal sealed class CapabilityAreaConfiguration : IEntityTypeConfiguration<CapabilityArea>
{
    public void Configure(EntityTypeBuilder<CapabilityArea> b)
    {
        b.ToTable("Areas", t => t.NotBlank("Key", "Name").OneOf("Basis", WireNames.ShareBases.Names));
        // Unique among the rows not deleted, so a deleted key can be used again.
        b.HasIndex(x => x.Key).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        b.Property(x => x.Key).HasMaxLength(ColumnLimits.AreaKey);
        b.Property(x => x.Name).HasMaxLength(ColumnLimits.AreaName);
        b.Property(x => x.Description).HasMaxLength(ColumnLimits.Description);
        b.Property(x => x.ShareBasis).HasMaxLength(ColumnLimits.Description);
        b.Property(x => x.Basis).HasDefaultValue(ShareBasisKind.Assessed);
        b.Property(x => x.Weight).HasPrecision(9, 4).HasDefaultValue(1m);
    }
}

namespace BurdenShift.Core.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("Indicators", t => t.NotBlank("Key").OneOf("Direction", WireNames.Directions.Names));
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(ColumnLimits.IndicatorKey);
        b.Property(x => x.Name).HasMaxLength(ColumnLimits.IndicatorName);
        b.Property(x => x.Unit).HasMaxLength(ColumnLimits.Unit);
        b.Property(x => x.Description).HasMaxLength(ColumnLimits.Description);
        b.Property(x => x.Headline).HasDefaultValue(false);
        b.HasOne(x => x.Area).WithMany(a => a.Indicators).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

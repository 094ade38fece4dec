namespace BurdenShift.Core.Data.Configurations;

internal sealed class AreaCountPairConfiguration(SqlDialect sql) : IEntityTypeConfiguration<AreaCountPair>
{
    public void Configure(EntityTypeBuilder<AreaCountPair> b)
    {
        b.ToTable("CountPairs", t => t.NotBlank("Label")
            .Check("Weight", $"{sql.Number(nameof(AreaCountPair.Weight))} > 0")
            .Check("TwoSides", "\"EuropeIndicatorId\" <> \"UsIndicatorId\""));
        b.Property(x => x.Label).HasMaxLength(ColumnLimits.PairLabel);
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.Property(x => x.Weight).HasPrecision(9, 4);
        // Unique among live rows, so a deleted pair's label can be used again.
        b.HasIndex(x => new { x.AreaId, x.Label }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        b.HasOne(x => x.Area).WithMany(a => a.CountPairs).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.EuropeIndicator).WithMany().HasForeignKey(x => x.EuropeIndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.UsIndicator).WithMany().HasForeignKey(x => x.UsIndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

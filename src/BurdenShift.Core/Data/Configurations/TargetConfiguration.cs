namespace BurdenShift.Core.Data.Configurations;

internal sealed class TargetConfiguration(SqlDialect sql) : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        var value = sql.Number(nameof(Target.Value));
        b.ToTable("Targets", t => t.Check("OneSeries", "(\"AreaId\" IS NULL) <> (\"IndicatorId\" IS NULL)")
            .Check("ShareRange", $"\"AreaId\" IS NULL OR ({value} >= 0 AND {value} <= 100)")
            .NotBlank("Key", "Rationale"));
        b.Property(x => x.Key).HasMaxLength(ColumnLimits.TargetKey);
        b.Property(x => x.Label).HasMaxLength(ColumnLimits.TargetLabel);
        b.Property(x => x.Rationale).HasMaxLength(ColumnLimits.Rationale);
        b.Property(x => x.Value).HasPrecision(24, 6);
        b.HasIndex(x => new { x.AreaId, x.Key }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        b.HasIndex(x => new { x.IndicatorId, x.Key }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        b.HasOne(x => x.Area).WithMany(a => a.Targets).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Indicator).WithMany(i => i.Targets).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

namespace BurdenShift.Core.Data.Configurations;

internal sealed class BriefRecordConfiguration : IEntityTypeConfiguration<BriefRecord>
{
    public void Configure(EntityTypeBuilder<BriefRecord> b)
    {
        b.ToTable("BriefLog", t => t.OneOf("Format", ["pptx", "pdf"]));
        b.Property(x => x.GeneratedBy).HasMaxLength(ColumnLimits.UserName);
        b.Property(x => x.Format).HasMaxLength(4);
        b.Property(x => x.Areas).HasMaxLength(4000);
        b.Property(x => x.Targets).HasMaxLength(100);
        b.Property(x => x.Pace).HasPrecision(16, 6);
        b.HasIndex(x => x.GeneratedAt);
    }
}

namespace BurdenShift.Core.Data.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("Milestones", t => t.NotBlank("Title").OneOf("Status", WireNames.MilestoneStatuses.Names));
        b.Property(x => x.Title).HasMaxLength(ColumnLimits.MilestoneTitle);
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.HasIndex(x => x.Due);
        b.HasOne(x => x.Area).WithMany(a => a.Milestones).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

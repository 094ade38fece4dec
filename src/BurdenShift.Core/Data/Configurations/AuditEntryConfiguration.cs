using BurdenShift.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries", t =>
        {
            t.HasCheckConstraint("CK_AuditEntries_Action", SqlDialect.In("Action", "insert", "update", "delete"));
            t.HasCheckConstraint("CK_AuditEntries_By", SqlDialect.NotBlank("By"));
        });
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.EntityType).HasMaxLength(60);
        b.Property(x => x.EntityId).HasMaxLength(60);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.Property(x => x.AreaKey).HasMaxLength(60);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.AreaKey);
        b.HasOne(x => x.ChangeSet).WithMany().HasForeignKey(x => x.ChangeSetId).OnDelete(DeleteBehavior.Restrict);
    }
}

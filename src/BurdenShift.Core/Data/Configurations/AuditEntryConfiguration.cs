namespace BurdenShift.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries", t => t.OneOf("Action", [AuditTrail.Insert, AuditTrail.Update, AuditTrail.Delete]).NotBlank("By"));
        b.Property(x => x.By).HasMaxLength(ColumnLimits.UserName);
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.EntityType).HasMaxLength(60);
        b.Property(x => x.EntityId).HasMaxLength(60);
        b.Property(x => x.Summary).HasMaxLength(ColumnLimits.Summary);
        b.Property(x => x.Reason).HasMaxLength(ColumnLimits.Reason);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.Property(x => x.AreaKey).HasMaxLength(ColumnLimits.AreaKey);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.AreaKey);
        // No foreign key: on SQLite adding one rebuilds the table outside a transaction. Change sets
        // are never deleted, so the reference cannot dangle.
        b.HasIndex(x => x.ChangeSetId);
    }
}

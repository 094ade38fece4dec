namespace BurdenShift.Core.Data.Configurations;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> b)
    {
        b.ToTable("Drafts", t => t.OneOf("Action", ["save", "delete", "revert", "import", "undo"])
            .OneOf("Status", [Draft.Pending, Draft.Published, Draft.Rejected])
            .NotBlank("Author"));
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.Description).HasMaxLength(ColumnLimits.Summary);
        b.Property(x => x.Author).HasMaxLength(ColumnLimits.UserName);
        b.Property(x => x.Reason).HasMaxLength(ColumnLimits.Reason);
        b.Property(x => x.DecidedBy).HasMaxLength(ColumnLimits.UserName);
        b.Property(x => x.DecisionReason).HasMaxLength(ColumnLimits.Reason);
        // Decided once: a second publish or reject of the same draft finds its status changed.
        b.Property(x => x.Status).HasMaxLength(10).IsConcurrencyToken();
        b.HasIndex(x => x.Status);
        // One draft per proposal, however often its store is retried (docs/decisions/0021).
        b.Property(x => x.ProposalKey).HasMaxLength(36);
        b.HasIndex(x => x.ProposalKey).IsUnique();
        b.HasMany(x => x.Rows).WithOne().HasForeignKey(r => r.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

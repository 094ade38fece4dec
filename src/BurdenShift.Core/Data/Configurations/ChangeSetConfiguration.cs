using BurdenShift.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data.Configurations;

internal sealed class ChangeSetConfiguration : IEntityTypeConfiguration<ChangeSet>
{
    public void Configure(EntityTypeBuilder<ChangeSet> b)
    {
        b.ToTable("ChangeSets", t =>
        {
            t.HasCheckConstraint("CK_ChangeSets_Kind", SqlDialect.In("Kind", "import", "undo"));
            t.HasCheckConstraint("CK_ChangeSets_By", SqlDialect.NotBlank("By"));
        });
        b.Property(x => x.Kind).HasMaxLength(10);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.UndoneBy).HasMaxLength(256);
        b.HasIndex(x => x.At);
    }
}

using BurdenShift.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("Indicators", t =>
        {
            t.HasCheckConstraint("CK_Indicators_Key", SqlDialect.NotBlank("Key"));
            t.HasCheckConstraint("CK_Indicators_Direction", SqlDialect.In("Direction", "up", "down"));
        });
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.HasOne(x => x.Area).WithMany(a => a.Indicators).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

using BurdenShift.Core.Domain;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data.Configurations;

internal sealed class IndicatorObservationConfiguration : IEntityTypeConfiguration<IndicatorObservation>
{
    public void Configure(EntityTypeBuilder<IndicatorObservation> b)
    {
        b.ToTable("IndicatorObservations", t =>
            t.HasCheckConstraint("CK_IndicatorObservations_Confidence", SqlDialect.In("Confidence", "high", "medium", "low")));
        b.Property(x => x.Value).HasPrecision(24, 6);
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.Property(x => x.EnteredBy).HasMaxLength(ColumnLimits.EnteredBy);
        b.HasIndex(x => new { x.IndicatorId, x.AsOf });
        b.HasOne(x => x.Indicator).WithMany(i => i.Observations).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

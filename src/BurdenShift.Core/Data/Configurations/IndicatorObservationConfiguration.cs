using BurdenShift.Core.Domain;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data.Configurations;

/// <summary>The database refuses a range bound on the wrong side of the value, as the forms and the import do.</summary>
internal sealed class IndicatorObservationConfiguration(SqlDialect sql) : IEntityTypeConfiguration<IndicatorObservation>
{
    public void Configure(EntityTypeBuilder<IndicatorObservation> b)
    {
        var value = sql.Number(nameof(IndicatorObservation.Value));
        b.ToTable("IndicatorObservations", t =>
        {
            t.HasCheckConstraint("CK_IndicatorObservations_Confidence", SqlDialect.In("Confidence", "high", "medium", "low"));
            t.HasCheckConstraint("CK_IndicatorObservations_Low", $"\"Low\" IS NULL OR {sql.Number("Low")} <= {value}");
            t.HasCheckConstraint("CK_IndicatorObservations_High", $"\"High\" IS NULL OR {sql.Number("High")} >= {value}");
        });
        b.Property(x => x.Value).HasPrecision(24, 6);
        b.Property(x => x.Low).HasPrecision(24, 6);
        b.Property(x => x.High).HasPrecision(24, 6);
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.Property(x => x.EnteredBy).HasMaxLength(ColumnLimits.EnteredBy);
        b.HasIndex(x => new { x.IndicatorId, x.AsOf });
        // The source registry's page (docs/decisions/0012): the newest rows citing a source are a
        // short backward walk of this index, and its count an index-only range, whatever the history.
        b.HasIndex(x => new { x.SourceId, x.AsOf, x.Id });
        b.HasOne(x => x.Indicator).WithMany(i => i.Observations).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

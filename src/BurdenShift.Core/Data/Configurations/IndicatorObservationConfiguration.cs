namespace BurdenShift.Core.Data.Configurations;

/// <summary>The database refuses a range bound on the wrong side of the value, as the forms and the import do.</summary>
internal sealed class IndicatorObservationConfiguration(SqlDialect sql) : IEntityTypeConfiguration<IndicatorObservation>
{
    public void Configure(EntityTypeBuilder<IndicatorObservation> b)
    {
        var value = sql.Number(nameof(IndicatorObservation.Value));
        b.ToTable("IndicatorObservations", t => t.Graded()
            .Check("Low", $"\"Low\" IS NULL OR {sql.Number("Low")} <= {value}")
            .Check("High", $"\"High\" IS NULL OR {sql.Number("High")} >= {value}"));
        b.HasSourcedFigureColumns();
        b.Property(x => x.Value).HasPrecision(24, 6);
        b.Property(x => x.Low).HasPrecision(24, 6);
        b.Property(x => x.High).HasPrecision(24, 6);
        b.HasIndex(x => new { x.IndicatorId, x.AsOf });
        // The windows' live rows and each date's largest id without visiting a row (as ShareAssessments').
        b.HasIndex(x => new { x.IndicatorId, x.AsOf, x.Id }, "IX_IndicatorObservations_Live").HasFilter("\"DeletedAt\" IS NULL");
        b.HasOne(x => x.Indicator).WithMany(i => i.Observations).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

namespace BurdenShift.Core.Data.Configurations;

/// <summary>
/// The methodology's impossible states are refused by the database itself, whatever code path
/// writes: shares outside 0..100, shares summing over 100, no share at all, no source,
/// a range bound outside 0..100, on the wrong side of its share or without one.
/// </summary>
internal sealed class ShareAssessmentConfiguration(SqlDialect sql) : IEntityTypeConfiguration<ShareAssessment>
{
    public void Configure(EntityTypeBuilder<ShareAssessment> b)
    {
        var eu = sql.Number(nameof(ShareAssessment.EuropeShare));
        var us = sql.Number(nameof(ShareAssessment.UsShare));
        b.ToTable("ShareAssessments", t =>
        {
            t.Check("EuropeShare_Range", $"{eu} >= 0 AND {eu} <= 100")
                .Check("UsShare_Range", $"{us} >= 0 AND {us} <= 100")
                .Check("Sum", $"{eu} + {us} <= {sql.ShareSumLimit}")
                .Check("AnyShare", "\"EuropeShare\" IS NOT NULL OR \"UsShare\" IS NOT NULL");
            // A range needs its share, bounds lie within 0..100 and on their side of the share.
            foreach (var (low, high, share) in new[] { ("EuropeLow", "EuropeHigh", eu), ("UsLow", "UsHigh", us) })
            {
                var shareColumn = low.StartsWith("Europe", StringComparison.Ordinal) ? "EuropeShare" : "UsShare";
                t.Check(low, $"\"{low}\" IS NULL OR (\"{shareColumn}\" IS NOT NULL AND {sql.Number(low)} >= 0 AND {sql.Number(low)} <= {share})")
                    .Check(high, $"\"{high}\" IS NULL OR (\"{shareColumn}\" IS NOT NULL AND {sql.Number(high)} <= 100 AND {sql.Number(high)} >= {share})");
            }

            t.Graded();
        });
        b.HasSourcedFigureColumns();
        b.Property(x => x.EuropeShare).HasPrecision(7, 4);
        b.Property(x => x.UsShare).HasPrecision(7, 4);
        b.Property(x => x.EuropeLow).HasPrecision(7, 4);
        b.Property(x => x.EuropeHigh).HasPrecision(7, 4);
        b.Property(x => x.UsLow).HasPrecision(7, 4);
        b.Property(x => x.UsHigh).HasPrecision(7, 4);
        b.HasIndex(x => new { x.AreaId, x.AsOf });
        // Live rows in date and entry order, as observations have: an area's latest row (the last
        // by date, then by id) is one entry of a backward scan, whatever the rows of its date; the
        // (AreaId, AsOf) index made PostgreSQL read and sort the whole date (docs/decisions/0012).
        // Also each date's last row with a Europe share for the day points' triggers (ADR 0024).
        b.HasIndex(x => new { x.AreaId, x.AsOf, x.Id }, "IX_ShareAssessments_Live").HasFilter("\"DeletedAt\" IS NULL");
        b.HasOne(x => x.Area).WithMany(a => a.Assessments).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

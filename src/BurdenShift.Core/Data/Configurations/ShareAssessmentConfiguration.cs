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
        // The trend windows and month ends read only live rows with a Europe share, and of each date
        // the largest id: this index answers them alone, without visiting a row (on PostgreSQL an
        // index-only scan, 12 ms to 3 ms an area at a million rows; docs/decisions/0012 item 22).
        b.HasIndex(x => new { x.AreaId, x.AsOf, x.Id }, "IX_ShareAssessments_LiveEurope")
            .HasFilter("\"DeletedAt\" IS NULL AND \"EuropeShare\" IS NOT NULL");
        b.HasOne(x => x.Area).WithMany(a => a.Assessments).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

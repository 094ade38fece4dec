using BurdenShift.Core.Domain;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
            t.HasCheckConstraint("CK_ShareAssessments_EuropeShare_Range", $"{eu} >= 0 AND {eu} <= 100");
            t.HasCheckConstraint("CK_ShareAssessments_UsShare_Range", $"{us} >= 0 AND {us} <= 100");
            t.HasCheckConstraint("CK_ShareAssessments_Sum", $"{eu} + {us} <= {sql.ShareSumLimit}");
            t.HasCheckConstraint("CK_ShareAssessments_AnyShare", "\"EuropeShare\" IS NOT NULL OR \"UsShare\" IS NOT NULL");
            // A range needs its share, bounds lie within 0..100 and on their side of the share.
            foreach (var (low, high, share) in new[] { ("EuropeLow", "EuropeHigh", eu), ("UsLow", "UsHigh", us) })
            {
                var shareColumn = low.StartsWith("Europe", StringComparison.Ordinal) ? "EuropeShare" : "UsShare";
                t.HasCheckConstraint($"CK_ShareAssessments_{low}",
                    $"\"{low}\" IS NULL OR (\"{shareColumn}\" IS NOT NULL AND {sql.Number(low)} >= 0 AND {sql.Number(low)} <= {share})");
                t.HasCheckConstraint($"CK_ShareAssessments_{high}",
                    $"\"{high}\" IS NULL OR (\"{shareColumn}\" IS NOT NULL AND {sql.Number(high)} <= 100 AND {sql.Number(high)} >= {share})");
            }

            t.HasCheckConstraint("CK_ShareAssessments_Confidence", SqlDialect.In("Confidence", "high", "medium", "low"));
        });
        b.Property(x => x.EuropeShare).HasPrecision(7, 4);
        b.Property(x => x.UsShare).HasPrecision(7, 4);
        b.Property(x => x.EuropeLow).HasPrecision(7, 4);
        b.Property(x => x.EuropeHigh).HasPrecision(7, 4);
        b.Property(x => x.UsLow).HasPrecision(7, 4);
        b.Property(x => x.UsHigh).HasPrecision(7, 4);
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.Property(x => x.EnteredBy).HasMaxLength(ColumnLimits.EnteredBy);
        b.HasIndex(x => new { x.AreaId, x.AsOf });
        // The source registry's page (docs/decisions/0012): the newest rows citing a source are a
        // short backward walk of this index, and its count an index-only range, whatever the history.
        b.HasIndex(x => new { x.SourceId, x.AsOf, x.Id });
        b.HasOne(x => x.Area).WithMany(a => a.Assessments).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

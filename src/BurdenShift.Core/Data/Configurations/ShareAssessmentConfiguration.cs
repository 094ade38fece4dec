using BurdenShift.Core.Domain;
using BurdenShift.Core.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data.Configurations;

/// <summary>
/// The methodology's impossible states are refused by the database itself, whatever code path
/// writes: shares outside 0..100, shares summing over 100, no share at all, no source.
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
            t.HasCheckConstraint("CK_ShareAssessments_Confidence", SqlDialect.In("Confidence", "high", "medium", "low"));
        });
        b.Property(x => x.EuropeShare).HasPrecision(7, 4);
        b.Property(x => x.UsShare).HasPrecision(7, 4);
        b.Property(x => x.Note).HasMaxLength(ColumnLimits.Note);
        b.Property(x => x.EnteredBy).HasMaxLength(ColumnLimits.EnteredBy);
        b.HasIndex(x => new { x.AreaId, x.AsOf });
        b.HasOne(x => x.Area).WithMany(a => a.Assessments).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

using BurdenShift.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.ToTable("Sources", t =>
        {
            t.HasCheckConstraint("CK_Sources_Key", SqlDialect.NotBlank("Key"));
            t.HasCheckConstraint("CK_Sources_Publisher", SqlDialect.NotBlank("Publisher"));
            t.HasCheckConstraint("CK_Sources_Title", SqlDialect.NotBlank("Title"));
            t.HasCheckConstraint("CK_Sources_Confidence", SqlDialect.In("Confidence", "high", "medium", "low"));
        });
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.Publisher).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.EnteredBy).HasMaxLength(200);
    }
}

namespace BurdenShift.Core.Data.Configurations;

internal sealed class DatasetInfoConfiguration : IEntityTypeConfiguration<DatasetInfo>
{
    public void Configure(EntityTypeBuilder<DatasetInfo> b)
    {
        b.ToTable("DatasetInfo", t => t.Check("Singleton", $"\"Id\" = {DatasetInfo.SingletonId}"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Dataset).HasMaxLength(40);
        b.Property(x => x.ChangeSummary).HasMaxLength(500);
    }
}

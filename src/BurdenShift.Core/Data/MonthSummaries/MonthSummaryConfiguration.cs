namespace BurdenShift.Core.Data.MonthSummaries;

/// <summary>
/// The two month-summary tables: keyed by series, month, source and confidence, the order in which
/// an area's page reads them (one index range per series). No foreign keys: the triggers write
/// them from rows that already satisfy theirs, and nothing else does.
/// </summary>
internal sealed class MonthSummaryConfiguration : IEntityTypeConfiguration<ShareMonth>, IEntityTypeConfiguration<ObservationMonth>
{
    /// <summary>The summary types: derived from the figures, so backups leave them out and restores rebuild them.</summary>
    public static readonly IReadOnlyList<Type> Types = [typeof(ShareMonth), typeof(ObservationMonth)];

    public void Configure(EntityTypeBuilder<ShareMonth> b)
    {
        b.ToTable("ShareMonths");
        b.HasKey(x => new { x.AreaId, x.Month, x.SourceId, x.Confidence });
    }

    public void Configure(EntityTypeBuilder<ObservationMonth> b)
    {
        b.ToTable("ObservationMonths");
        b.HasKey(x => new { x.IndicatorId, x.Month, x.SourceId, x.Confidence });
    }
}

namespace BurdenShift.Core.Data.DayPoints;

/// <summary>
/// The two day-point tables: keyed by series and date, the order in which a trend window reads
/// them (one index range per series). Values with the precision of the rows they copy. No foreign
/// keys: the triggers write them from rows that already satisfy theirs, and nothing else does.
/// </summary>
internal sealed class DayPointConfiguration : IEntityTypeConfiguration<ShareDay>, IEntityTypeConfiguration<ObservationDay>
{
    /// <summary>The day-point types: derived from the figures, so backups leave them out and restores rebuild them.</summary>
    public static readonly IReadOnlyList<Type> Types = [typeof(ShareDay), typeof(ObservationDay)];

    public void Configure(EntityTypeBuilder<ShareDay> b)
    {
        b.ToTable("ShareDays");
        b.HasKey(x => new { x.AreaId, x.AsOf });
        b.Property(x => x.RowId).ValueGeneratedNever();
        b.Property(x => x.EuropeShare).HasPrecision(7, 4);
        b.Property(x => x.UsShare).HasPrecision(7, 4);
        b.Property(x => x.EuropeLow).HasPrecision(7, 4);
        b.Property(x => x.EuropeHigh).HasPrecision(7, 4);
        b.Property(x => x.UsLow).HasPrecision(7, 4);
        b.Property(x => x.UsHigh).HasPrecision(7, 4);
    }

    public void Configure(EntityTypeBuilder<ObservationDay> b)
    {
        b.ToTable("ObservationDays");
        b.HasKey(x => new { x.IndicatorId, x.AsOf });
        b.Property(x => x.RowId).ValueGeneratedNever();
        b.Property(x => x.Value).HasPrecision(24, 6);
        b.Property(x => x.Low).HasPrecision(24, 6);
        b.Property(x => x.High).HasPrecision(24, 6);
    }
}

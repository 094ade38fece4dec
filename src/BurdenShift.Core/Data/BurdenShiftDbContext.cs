using BurdenShift.Core.Data.Configurations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace BurdenShift.Core.Data;

/// <summary>
/// The one model of BurdenShift. Each provider has a subclass with its own migrations
/// (see docs/decisions/0001-two-database-providers.md); code depends on this base type only.
/// </summary>
public abstract class BurdenShiftDbContext(DbContextOptions options) : IdentityDbContext<BurdenShiftUser>(options), IDataProtectionKeyContext
{
    public DbSet<Source> Sources => Set<Source>();

    public DbSet<CapabilityArea> Areas => Set<CapabilityArea>();

    public DbSet<ShareAssessment> ShareAssessments => Set<ShareAssessment>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorObservation> IndicatorObservations => Set<IndicatorObservation>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<AreaCountPair> CountPairs => Set<AreaCountPair>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<DatasetInfo> DatasetInfo => Set<DatasetInfo>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ChangeSet> ChangeSets => Set<ChangeSet>();

    /// <summary>Changes waiting for review; no page, API answer or export reads them for readers.</summary>
    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<DraftRow> DraftRows => Set<DraftRow>();
    /// <summary>Every briefing pack generated, to make it again with the same figures.</summary>
    public DbSet<BriefRecord> BriefLog => Set<BriefRecord>();

    /// <summary>Keys that protect sign-in cookies and antiforgery tokens, shared by every app instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// True for the contexts that read the published record as it stood at <see cref="KnownAt"/>
    /// (docs/decisions/0020-knowledge-time.md): their versioned row types are read from the version
    /// tables. They only read; writes and migrations use the everyday model.
    /// </summary>
    protected internal virtual bool ReadsKnownAt => false;

    /// <summary>The moment a known-at context reads the published record as of; unused otherwise.</summary>
    public DateTimeOffset KnownAt { get; internal set; }

    /// <summary>A context reading the same database as this one, as published at <paramref name="knownAt"/>.</summary>
    internal abstract BurdenShiftDbContext OpenKnownAt(DateTimeOffset knownAt);

    /// <summary>Provider-specific SQL used in check constraints.</summary>
    protected abstract SqlDialect Dialect { get; }

    /// <summary>
    /// The rows editors change: each is soft-deleted (see <see cref="ISoftDeletable"/>) and carries a
    /// concurrency token so that a stale edit is refused instead of overwriting a newer one.
    /// </summary>
    public static readonly IReadOnlyList<Type> EditableTypes =
        [typeof(CapabilityArea), typeof(ShareAssessment), typeof(IndicatorObservation), typeof(Target), typeof(Milestone), typeof(AreaCountPair)];

    /// <summary>The shadow property that holds an editable row's concurrency token.</summary>
    public abstract string RowVersionProperty { get; }

    /// <summary>The token of a tracked row, as the edit forms carry it.</summary>
    public string RowVersionOf(object entity) =>
        Convert.ToString(Entry(entity).Property(RowVersionProperty).CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Tells EF which version of the row the editor saw: the save then succeeds only if the row
    /// still has that version. Returns false for a token that cannot be one.
    /// </summary>
    public bool ExpectRowVersion(object entity, string token)
    {
        var property = Entry(entity).Property(RowVersionProperty);
        var type = property.Metadata.ClrType;
        if (type == typeof(uint) && uint.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var xid))
        {
            property.OriginalValue = xid;
            return true;
        }

        if (type == typeof(long) && long.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            property.OriginalValue = revision;
            return true;
        }

        return false;
    }

    /// <summary>Declares the concurrency token of one editable row type.</summary>
    protected abstract void ConfigureRowVersion(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder entity);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Accounts (ASP.NET Core Identity) live in the same database, on both providers.
        base.OnModelCreating(builder);
        var sql = Dialect;
        builder.ApplyConfiguration(new SourceConfiguration());
        builder.ApplyConfiguration(new CapabilityAreaConfiguration());
        builder.ApplyConfiguration(new ShareAssessmentConfiguration(sql));
        builder.ApplyConfiguration(new IndicatorConfiguration());
        builder.ApplyConfiguration(new IndicatorObservationConfiguration(sql));
        builder.ApplyConfiguration(new TargetConfiguration(sql));
        builder.ApplyConfiguration(new MilestoneConfiguration());
        builder.ApplyConfiguration(new AreaCountPairConfiguration(sql));
        builder.ApplyConfiguration(new DatasetInfoConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new ChangeSetConfiguration());
        builder.ApplyConfiguration(new DraftConfiguration());
        builder.ApplyConfiguration(new DraftRowConfiguration());
        builder.ApplyConfiguration(new BriefRecordConfiguration());
        builder.ApplyConfiguration<MonthSummaries.ShareMonth>(new MonthSummaries.MonthSummaryConfiguration());
        builder.ApplyConfiguration<MonthSummaries.ObservationMonth>(new MonthSummaries.MonthSummaryConfiguration());
        builder.ApplyConfiguration<DayPoints.ShareDay>(new DayPoints.DayPointConfiguration());
        builder.ApplyConfiguration<DayPoints.ObservationDay>(new DayPoints.DayPointConfiguration());

        // Deleted rows stay (with their history) but no query sees them unless it asks.
        builder.Entity<CapabilityArea>().HasQueryFilter(x => x.DeletedAt == null);
        builder.Entity<ShareAssessment>().HasQueryFilter(x => x.DeletedAt == null);
        builder.Entity<IndicatorObservation>().HasQueryFilter(x => x.DeletedAt == null);
        builder.Entity<Target>().HasQueryFilter(x => x.DeletedAt == null);
        builder.Entity<Milestone>().HasQueryFilter(x => x.DeletedAt == null);
        builder.Entity<AreaCountPair>().HasQueryFilter(x => x.DeletedAt == null);
        foreach (var type in EditableTypes)
        {
            var entity = builder.Entity(type);
            entity.Property(nameof(ISoftDeletable.DeletedBy)).HasMaxLength(256);
            ConfigureRowVersion(entity);
        }

        // The recorded versions of every row that enters a computation (docs/decisions/0020).
        if (ReadsKnownAt)
        {
            Versions.VersionModel.MapRowsOntoVersions(builder, this);
        }
        else
        {
            Versions.VersionModel.AddVersionTables(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums travel as the same lower-case words everywhere (database, imports, API).
        configurationBuilder.Properties<Confidence>().HaveConversion<ConfidenceConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<IndicatorDirection>().HaveConversion<DirectionConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<MilestoneStatus>().HaveConversion<MilestoneStatusConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<DatePrecision>().HaveConversion<DatePrecisionConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<ShareBasisKind>().HaveConversion<ShareBasisConverter>().HaveMaxLength(8);
    }
}

using BurdenShift.Core.Accounts;
using BurdenShift.Core.Data.Configurations;
using BurdenShift.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<DatasetInfo> DatasetInfo => Set<DatasetInfo>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Keys that protect sign-in cookies and antiforgery tokens, shared by every app instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Provider-specific SQL used in check constraints.</summary>
    protected abstract SqlDialect Dialect { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Accounts (ASP.NET Core Identity) live in the same database, on both providers.
        base.OnModelCreating(builder);
        var sql = Dialect;
        builder.ApplyConfiguration(new SourceConfiguration());
        builder.ApplyConfiguration(new CapabilityAreaConfiguration());
        builder.ApplyConfiguration(new ShareAssessmentConfiguration(sql));
        builder.ApplyConfiguration(new IndicatorConfiguration());
        builder.ApplyConfiguration(new IndicatorObservationConfiguration());
        builder.ApplyConfiguration(new TargetConfiguration(sql));
        builder.ApplyConfiguration(new MilestoneConfiguration());
        builder.ApplyConfiguration(new DatasetInfoConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums travel as the same lower-case words everywhere (database, imports, API).
        configurationBuilder.Properties<Confidence>().HaveConversion<ConfidenceConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<IndicatorDirection>().HaveConversion<DirectionConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<MilestoneStatus>().HaveConversion<MilestoneStatusConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<DatePrecision>().HaveConversion<DatePrecisionConverter>().HaveMaxLength(8);
    }
}

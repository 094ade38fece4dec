namespace BurdenShift.Core.Data;

/// <summary>The SQLite flavour of the model, with migrations in Data/Migrations/Sqlite.</summary>
public class SqliteBurdenShiftDbContext : BurdenShiftDbContext
{
    public SqliteBurdenShiftDbContext(DbContextOptions<SqliteBurdenShiftDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the known-at context, which shares this provider's conventions.</summary>
    protected SqliteBurdenShiftDbContext(DbContextOptions options)
        : base(options)
    {
    }

    protected override SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>SQLite has no row version of its own: a counter the application raises on every update.</summary>
    public override string RowVersionProperty => "Revision";

    protected override void ConfigureRowVersion(EntityTypeBuilder entity) =>
        entity.Property<long>(RowVersionProperty).IsConcurrencyToken().HasDefaultValue(0L);

    internal override BurdenShiftDbContext OpenKnownAt(DateTimeOffset knownAt) =>
        new SqliteKnownAtDbContext(KnownAtOptions.Like<SqliteKnownAtDbContext>(this,
            (b, connection) => b.UseSqlite(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))))
        { KnownAt = knownAt };

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseRevisions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseRevisions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The UPDATE checks the revision the editor saw (the original value) and writes the next one.
    private void RaiseRevisions()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty(RowVersionProperty) is not null)
            {
                var revision = entry.Property(RowVersionProperty);
                revision.CurrentValue = (long)revision.OriginalValue! + 1;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

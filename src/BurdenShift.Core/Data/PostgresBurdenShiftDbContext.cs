namespace BurdenShift.Core.Data;

/// <summary>The PostgreSQL flavour of the model, with migrations in Data/Migrations/Postgres.</summary>
public class PostgresBurdenShiftDbContext : BurdenShiftDbContext
{
    public PostgresBurdenShiftDbContext(DbContextOptions<PostgresBurdenShiftDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the known-at context, which shares this provider's conventions.</summary>
    protected PostgresBurdenShiftDbContext(DbContextOptions options)
        : base(options)
    {
    }

    protected override SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>PostgreSQL's xmin system column changes with every update of a row: no column of our own is needed.</summary>
    public override string RowVersionProperty => "xmin";

    protected override void ConfigureRowVersion(EntityTypeBuilder entity) =>
        entity.Property<uint>(RowVersionProperty).IsRowVersion();

    internal override BurdenShiftDbContext OpenKnownAt(DateTimeOffset knownAt) =>
        new PostgresKnownAtDbContext(KnownAtOptions.Like<PostgresKnownAtDbContext>(this,
            (b, connection) => b.UseNpgsql(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                .ExecutionStrategy(d => new ConnectionDropRetryStrategy(d, DependencyInjection.RetryCount, DependencyInjection.RetryDelayCap)))))
        { KnownAt = knownAt };
}

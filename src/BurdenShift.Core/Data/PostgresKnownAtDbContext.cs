namespace BurdenShift.Core.Data;

/// <summary>The PostgreSQL model read as published at a moment (see <see cref="SqliteKnownAtDbContext"/>).</summary>
public sealed class PostgresKnownAtDbContext(DbContextOptions<PostgresKnownAtDbContext> options) : PostgresBurdenShiftDbContext(options)
{
    protected internal override bool ReadsKnownAt => true;

    protected override void ConfigureRowVersion(EntityTypeBuilder entity)
    {
    }
}

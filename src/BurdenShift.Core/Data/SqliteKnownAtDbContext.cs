namespace BurdenShift.Core.Data;

/// <summary>
/// The SQLite model read as published at a moment (docs/decisions/0020-knowledge-time.md): the
/// same conventions as the everyday SQLite context, the versioned rows read from their version tables.
/// </summary>
public sealed class SqliteKnownAtDbContext(DbContextOptions<SqliteKnownAtDbContext> options) : SqliteBurdenShiftDbContext(options)
{
    protected internal override bool ReadsKnownAt => true;

    // Versions carry no row version: they are never edited.
    protected override void ConfigureRowVersion(EntityTypeBuilder entity)
    {
    }
}

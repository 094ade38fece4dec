using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Core.Data;

/// <summary>The SQLite flavour of the model, with migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteBurdenShiftDbContext(DbContextOptions<SqliteBurdenShiftDbContext> options)
    : BurdenShiftDbContext(options)
{
    protected override SqlDialect Dialect => SqlDialect.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Core.Data;

/// <summary>The PostgreSQL flavour of the model, with migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresBurdenShiftDbContext(DbContextOptions<PostgresBurdenShiftDbContext> options)
    : BurdenShiftDbContext(options)
{
    protected override SqlDialect Dialect => SqlDialect.Postgres;
}

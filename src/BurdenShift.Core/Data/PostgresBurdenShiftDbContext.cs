using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BurdenShift.Core.Data;

/// <summary>The PostgreSQL flavour of the model, with migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresBurdenShiftDbContext(DbContextOptions<PostgresBurdenShiftDbContext> options)
    : BurdenShiftDbContext(options)
{
    protected override SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>PostgreSQL's xmin system column changes with every update of a row: no column of our own is needed.</summary>
    public override string RowVersionProperty => "xmin";

    protected override void ConfigureRowVersion(EntityTypeBuilder entity) =>
        entity.Property<uint>(RowVersionProperty).IsRowVersion();
}

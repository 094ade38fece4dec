using Microsoft.EntityFrameworkCore.Design;

namespace BurdenShift.Core.Data;

// Used only by `dotnet ef migrations add`: neither needs a running database.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBurdenShiftDbContext>
{
    public SqliteBurdenShiftDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBurdenShiftDbContext>()
            .UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBurdenShiftDbContext>
{
    public PostgresBurdenShiftDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBurdenShiftDbContext>()
            .UseNpgsql("Host=localhost;Database=burdenshift_design").Options);
}

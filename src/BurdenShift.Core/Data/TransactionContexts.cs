using Microsoft.EntityFrameworkCore.Storage;

namespace BurdenShift.Core.Data;

/// <summary>
/// Contexts that read through another context's connection and open transaction, so code that
/// creates its own contexts (the dashboard) sees what that transaction wrote before it is
/// committed or rolled back. Read-only use: a rehearsal's dashboard (docs/decisions/0021).
/// </summary>
internal sealed class TransactionContexts(BurdenShiftDbContext owner) : IDbContextFactory<BurdenShiftDbContext>
{
    public BurdenShiftDbContext CreateDbContext()
    {
        var connection = owner.Database.GetDbConnection();
        BurdenShiftDbContext db = owner is SqliteBurdenShiftDbContext
            ? new SqliteBurdenShiftDbContext(new DbContextOptionsBuilder<SqliteBurdenShiftDbContext>()
                .UseSqlite(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).Options)
            : new PostgresBurdenShiftDbContext(new DbContextOptionsBuilder<PostgresBurdenShiftDbContext>()
                .UseNpgsql(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).Options);
        db.Database.UseTransaction(owner.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The owner context has no open transaction."));
        return db;
    }

    public Task<BurdenShiftDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(CreateDbContext());
}

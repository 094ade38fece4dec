using Microsoft.EntityFrameworkCore.Storage;

namespace BurdenShift.Core.Data;

/// <summary>
/// Runs one write (its reads, checks and saves) in a context and transaction of its own, under
/// the provider's execution strategy: on PostgreSQL a dropped connection runs the whole write
/// again from a fresh context, so nothing half-saved from the failed attempt is carried over.
/// A commit whose answer was lost is not repeated: if the last audit entry the attempt wrote is
/// in the database, the commit landed (PostgreSQL never hands out an identity value twice, so the
/// id cannot belong to another write). A write is thus committed once, or refused with the
/// exception; never twice. See docs/decisions/0011-transient-faults.md.
/// </summary>
internal static class DurableWrite
{
    /// <param name="landed">
    /// For a write that leaves no audit entry: whether its commit is in the database. Asked only
    /// when the commit's answer was lost.
    /// </param>
    public static async Task<T> RunAsync<T>(
        IDbContextFactory<BurdenShiftDbContext> dbFactory,
        Func<BurdenShiftDbContext, CancellationToken, Task<T>> write,
        CancellationToken ct,
        Func<BurdenShiftDbContext, CancellationToken, Task<bool>>? landed = null)
    {
        await using var outer = await dbFactory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(
            new Attempt<T>(),
            async (_, attempt, ct2) =>
            {
                attempt.Committing = false;
                attempt.AuditId = null;
                await using var db = await dbFactory.CreateDbContextAsync(ct2);
                // Outside the try: the filter below must see the connection as the failure left
                // it, before disposing the transaction closes it.
                await using var tx = await db.Database.BeginTransactionAsync(ct2);
                try
                {
                    attempt.Result = await write(db, ct2);
                    attempt.AuditId = db.ChangeTracker.Entries<AuditEntry>().Select(e => (long?)e.Entity.Id).Max();
                    attempt.Committing = true;
                    await tx.CommitAsync(ct2);
                    return attempt.Result;
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or ConnectionLostException or System.Data.Common.DbException) && Lost(db))
                {
                    // A dropped connection shows as whatever the step it broke says ("transaction
                    // is already completed", a disposed transaction, ...): name it as the drop it is,
                    // so the strategy checks the commit and runs the write again.
                    throw new ConnectionLostException(ex);
                }
            },
            async (_, attempt, ct2) =>
            {
                if (!attempt.Committing)
                {
                    return new ExecutionResult<T>(false, default!);
                }

                await using var db = await dbFactory.CreateDbContextAsync(ct2);
                var done = attempt.AuditId is { } id ? await db.AuditEntries.AnyAsync(a => a.Id == id, ct2)
                    : landed is not null && await landed(db, ct2);
                return new ExecutionResult<T>(done, attempt.Result!);
            },
            ct);
    }

    /// <summary>Whether the attempt's connection is gone (it was open for the whole write).</summary>
    private static bool Lost(BurdenShiftDbContext db) =>
        db.Database.IsNpgsql() && db.Database.GetDbConnection().State is not System.Data.ConnectionState.Open;

    private sealed class Attempt<T>
    {
        public bool Committing { get; set; }

        public long? AuditId { get; set; }

        public T? Result { get; set; }
    }
}

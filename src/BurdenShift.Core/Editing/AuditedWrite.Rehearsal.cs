namespace BurdenShift.Core.Editing;

/// <summary>
/// The rehearsal of an audited write, for review (docs/decisions/0021): the write runs exactly as
/// it would when published, with every check and the database's own constraints, in a
/// transaction that is then rolled back. What it would have written (its audit entries) and what
/// the dashboard would show with it (<c>inspect</c>, given contexts on the same transaction) are
/// read before the rollback; nothing stays.
/// </summary>
internal sealed partial class AuditedWrite
{
    /// <summary>A new write on the same context and transaction, for one more change of a rehearsal.</summary>
    public AuditedWrite Fresh() => new(Db, By, At, Reason);

    public static async Task<(T Result, IReadOnlyList<AuditEntry> Entries)> RehearseAsync<T>(
        IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, string by, string? reason,
        Func<AuditedWrite, CancellationToken, Task<T>> write,
        Func<T, IDbContextFactory<BurdenShiftDbContext>, CancellationToken, Task>? inspect,
        CancellationToken ct)
    {
        await using var outer = await dbFactory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async ct2 =>
        {
            // Scoped to this lambda's flow: the caller's later saves count as usual.
            DataVersionInterceptor.MarkRehearsal();
            await using var db = await dbFactory.CreateDbContextAsync(ct2);
            await using var tx = await db.Database.BeginTransactionAsync(ct2);
            try
            {
                var audited = new AuditedWrite(db, by, time.GetUtcNow(), reason);
                var result = await write(audited, ct2);
                var entries = db.ChangeTracker.Entries<AuditEntry>().Select(e => e.Entity).OrderBy(e => e.Id).ToList();
                if (inspect is not null)
                {
                    await inspect(result, new TransactionContexts(db), ct2);
                }

                return (result, (IReadOnlyList<AuditEntry>)entries);
            }
            finally
            {
                await tx.RollbackAsync(CancellationToken.None);
            }
        }, ct);
    }
}

using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace BurdenShift.Core.Data;

/// <summary>
/// Npgsql's retrying strategy, plus one case it does not count as transient: when the server
/// goes away in the middle of a write, the broken connection disposes its transaction, and the
/// next step of the write (its commit or its rollback) throws <see cref="ObjectDisposedException"/>
/// instead of an <c>NpgsqlException</c>. That is the same dropped connection; every write runs
/// through <see cref="DurableWrite"/>, which re-runs it whole and checks a commit whose answer
/// was lost, so retrying it cannot double it (ADR 0011).
/// </summary>
internal sealed class ConnectionDropRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, null)
{
    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception)
        || exception is ObjectDisposedException { ObjectName: "NpgsqlTransaction" or "NpgsqlConnection" };
}

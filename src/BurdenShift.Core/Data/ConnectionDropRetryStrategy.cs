using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace BurdenShift.Core.Data;

/// <summary>
/// Npgsql's retrying strategy, plus the forms a dropped connection takes that it does not count
/// as transient: when the server goes away in the middle of a write, the next step of the write
/// can throw <see cref="ObjectDisposedException"/> or "transaction is already completed" instead
/// of an <c>NpgsqlException</c>; <see cref="DurableWrite"/> names any failure of a write whose
/// connection is gone a <see cref="ConnectionLostException"/>. Every write runs through
/// <see cref="DurableWrite"/>, which re-runs it whole and checks a commit whose answer was lost,
/// so retrying it cannot double it (ADR 0011).
/// </summary>
internal sealed class ConnectionDropRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, null)
{
    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception)
        || exception is ConnectionLostException
        || exception is ObjectDisposedException { ObjectName: "NpgsqlTransaction" or "NpgsqlConnection" };
}

namespace BurdenShift.Core.Data;

/// <summary>
/// A write whose PostgreSQL connection dropped part-way, whatever exception the interrupted step
/// threw; <see cref="ConnectionDropRetryStrategy"/> retries it (see <see cref="DurableWrite"/>).
/// </summary>
public sealed class ConnectionLostException(Exception inner)
    : Exception($"The database connection was lost during a write: {inner.Message}", inner);

using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BurdenShift.Core.Data;

/// <summary>
/// Tells a database that cannot be reached (server down or restarting, network gone, file
/// missing or locked) from a bug, so the web app can answer 503 with Retry-After instead of 500,
/// and the CLI can say "try again" instead of crashing.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>Whether the exception, or one it wraps, says the database is out of reach for now.</summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    // Class 08: connection exceptions; 57P0x: the server is shutting down or starting;
                    // 53300: too many connections. Other server errors are answers, not absence.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300")
                    {
                        return true;
                    }

                    break;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true; // a socket or timeout failure talking to the server
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 14:
                    return true; // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN
                case SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}

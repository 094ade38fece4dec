namespace BurdenShift.Core.Data;

/// <summary>
/// The few bits of SQL that differ between providers in check constraints. SQLite stores EF
/// decimals as TEXT, and a TEXT column compared with a number compares as text ('9' > '100'),
/// so its constraints cast to REAL first; PostgreSQL compares <c>numeric</c> exactly.
/// </summary>
public sealed record SqlDialect(bool CastDecimals)
{
    public static readonly SqlDialect Sqlite = new(CastDecimals: true);
    public static readonly SqlDialect Postgres = new(CastDecimals: false);

    /// <summary>A decimal column as a number usable in comparisons.</summary>
    public string Number(string column) => CastDecimals ? $"CAST(\"{column}\" AS REAL)" : $"\"{column}\"";

    /// <summary>
    /// Upper bound for a sum of two shares. SQLite's REAL cast can turn 60.2 + 39.8 into
    /// 100.00000000000001; the tolerance is far below the precision any source gives.
    /// </summary>
    public string ShareSumLimit => CastDecimals ? "100.000001" : "100";

    public static string In(string column, params string[] values) =>
        $"\"{column}\" IN ({string.Join(", ", values.Select(v => $"'{v}'"))})";

    public static string NotBlank(string column) => $"length(trim(\"{column}\")) > 0";
}

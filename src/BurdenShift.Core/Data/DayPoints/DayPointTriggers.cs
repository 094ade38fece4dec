namespace BurdenShift.Core.Data.DayPoints;

/// <summary>
/// The SQL that keeps <see cref="ShareDay"/> and <see cref="ObservationDay"/> in step with their
/// figures, on both providers (docs/decisions/0024), as the month summaries are kept (ADR 0023):
/// - An insert offers its row to its date: it takes the date's place when its id is the larger.
/// - An update or a delete (soft deletes are updates) picks the touched dates' last live rows again:
///   one seek each on the live-rows index.
/// SQLite has row triggers only. PostgreSQL uses statement triggers with transition tables, and
/// takes the advisory lock the month summaries of the same rows take, so the writers of a table
/// wait for each other in one order (READ COMMITTED).
/// The migrations call this class: changing what it writes needs a new migration that drops and
/// recreates the triggers and picks the days again.
/// </summary>
internal static class DayPointTriggers
{
    /// <summary>
    /// A day-point table: its rows' table and series column, which rows it keeps ({0} is the row),
    /// the columns it copies besides series, date and id, and the advisory lock its writers take.
    /// </summary>
    private sealed record Days(string Table, string Rows, string Series, string Live, IReadOnlyList<string> Copied, string Lock);

    private static readonly Days Shares = new("ShareDays", "ShareAssessments", "AreaId",
        "{0}.\"DeletedAt\" IS NULL AND {0}.\"EuropeShare\" IS NOT NULL",
        ["AsOfPrecision", "EuropeShare", "UsShare", "Confidence", "EuropeLow", "EuropeHigh", "UsLow", "UsHigh"], "ShareMonths");

    private static readonly Days Observations = new("ObservationDays", "IndicatorObservations", "IndicatorId",
        "{0}.\"DeletedAt\" IS NULL",
        ["AsOfPrecision", "Value", "Confidence", "Low", "High"], "ObservationMonths");

    private static readonly Days[] All = [Shares, Observations];

    /// <summary>Creates the triggers and picks the days of the rows already there into the (empty) tables.</summary>
    public static IEnumerable<string> CreateSqlite() => All.SelectMany(CreateSqlite);

    public static IEnumerable<string> DropSqlite() =>
        All.SelectMany(d => new[] { "Insert", "Update", "Delete" }.Select(e => $"DROP TRIGGER IF EXISTS \"{d.Table}_{e}\";"));

    /// <summary>Creates the trigger functions and triggers and picks the days of the rows already there.</summary>
    public static IEnumerable<string> CreatePostgres() => All.SelectMany(CreatePostgres);

    public static IEnumerable<string> DropPostgres() =>
        All.SelectMany(d => new[] { "Add", "Repick", "Remove" }.Select(f => $"DROP FUNCTION IF EXISTS \"{d.Table}_{f}\"() CASCADE;"));

    private static string Live(Days d, string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, d.Live, row);

    private static string Targets(Days d) =>
        string.Join(", ", new[] { d.Series, "AsOf", "RowId" }.Concat(d.Copied).Select(c => $"\"{c}\""));

    private static string Values(Days d, string row) =>
        string.Join(", ", new[] { d.Series, "AsOf", "Id" }.Concat(d.Copied).Select(c => $"{row}.\"{c}\""));

    // On a date already kept, the offered row takes its place when it was entered later.
    private static string TakeLater(Days d, string kept) =>
        $"ON CONFLICT (\"{d.Series}\", \"AsOf\") DO UPDATE SET "
        + string.Join(", ", new[] { "RowId" }.Concat(d.Copied).Select(c => $"\"{c}\" = excluded.\"{c}\""))
        + $" WHERE excluded.\"RowId\" > {kept}.\"RowId\"";

    private static IEnumerable<string> CreateSqlite(Days d)
    {
        var watched = string.Join(", ", new[] { d.Series, "AsOf", "DeletedAt" }.Concat(d.Copied).Select(c => $"\"{c}\""));
        var moved = $"NEW.\"{d.Series}\" <> OLD.\"{d.Series}\" OR NEW.\"AsOf\" <> OLD.\"AsOf\"";
        yield return $"""
            CREATE TRIGGER "{d.Table}_Insert" AFTER INSERT ON "{d.Rows}" WHEN {Live(d, "NEW")}
            BEGIN
                INSERT INTO "{d.Table}" ({Targets(d)}) VALUES ({Values(d, "NEW")})
                {TakeLater(d, $"\"{d.Table}\"")};
            END;
            """;
        // After an update both the date the row left and the one it is on now; the second only when it differs.
        yield return $"""
            CREATE TRIGGER "{d.Table}_Update" AFTER UPDATE OF {watched} ON "{d.Rows}"
            BEGIN
                {SqliteRepick(d, "OLD", "1 = 1")}
                {SqliteRepick(d, "NEW", moved)}
            END;
            """;
        yield return $"""
            CREATE TRIGGER "{d.Table}_Delete" AFTER DELETE ON "{d.Rows}"
            BEGIN
                {SqliteRepick(d, "OLD", "1 = 1")}
            END;
            """;
        yield return $"""
            INSERT INTO "{d.Table}" ({Targets(d)})
            SELECT {Values(d, "r")} FROM "{d.Rows}" AS r
            WHERE r."Id" IN (SELECT max(t."Id") FROM "{d.Rows}" AS t WHERE {Live(d, "t")} GROUP BY t."{d.Series}", t."AsOf");
            """;
    }

    // The date of row `row` (OLD or NEW) given its last live row again, when `when` holds.
    private static string SqliteRepick(Days d, string row, string when) => $"""
        DELETE FROM "{d.Table}" WHERE "{d.Series}" = {row}."{d.Series}" AND "AsOf" = {row}."AsOf" AND ({when});
                INSERT INTO "{d.Table}" ({Targets(d)})
                SELECT {Values(d, "r")} FROM "{d.Rows}" AS r
                WHERE r."Id" = (SELECT max(t."Id") FROM "{d.Rows}" AS t
                    WHERE t."{d.Series}" = {row}."{d.Series}" AND t."AsOf" = {row}."AsOf" AND {Live(d, "t")}) AND ({when});
        """;

    private static IEnumerable<string> CreatePostgres(Days d)
    {
        yield return $"""
            CREATE FUNCTION "{d.Table}_Add"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM {LockOf(d)};
                INSERT INTO "{d.Table}" AS k ({Targets(d)})
                SELECT {Last(d)} FROM added AS r WHERE {Live(d, "r")} {LastOrder(d)}
                {TakeLater(d, "k")};
                RETURN NULL;
            END $$;
            """;
        yield return PostgresRepick(d, "Repick", $"SELECT \"{d.Series}\", \"AsOf\" FROM removed UNION SELECT \"{d.Series}\", \"AsOf\" FROM added");
        yield return PostgresRepick(d, "Remove", $"SELECT DISTINCT \"{d.Series}\", \"AsOf\" FROM removed");
        yield return $"""
            CREATE TRIGGER "{d.Table}_Add" AFTER INSERT ON "{d.Rows}" REFERENCING NEW TABLE AS added
                FOR EACH STATEMENT EXECUTE FUNCTION "{d.Table}_Add"();
            CREATE TRIGGER "{d.Table}_Repick" AFTER UPDATE ON "{d.Rows}" REFERENCING OLD TABLE AS removed NEW TABLE AS added
                FOR EACH STATEMENT EXECUTE FUNCTION "{d.Table}_Repick"();
            CREATE TRIGGER "{d.Table}_Remove" AFTER DELETE ON "{d.Rows}" REFERENCING OLD TABLE AS removed
                FOR EACH STATEMENT EXECUTE FUNCTION "{d.Table}_Remove"();
            """;
        yield return $"""
            INSERT INTO "{d.Table}" ({Targets(d)})
            SELECT {Last(d)} FROM "{d.Rows}" AS r WHERE {Live(d, "r")} {LastOrder(d)};
            """;
    }

    // A statement trigger's function that gives every date its rows left or entered its last live row again.
    private static string PostgresRepick(Days d, string name, string touched) => $"""
        CREATE FUNCTION "{d.Table}_{name}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM {LockOf(d)};
            DELETE FROM "{d.Table}" AS k USING ({touched}) AS t ("Series", "AsOf")
            WHERE k."{d.Series}" = t."Series" AND k."AsOf" = t."AsOf";
            INSERT INTO "{d.Table}" ({Targets(d)})
            SELECT {Last(d)} FROM ({touched}) AS t ("Series", "AsOf")
            JOIN "{d.Rows}" AS r ON r."{d.Series}" = t."Series" AND r."AsOf" = t."AsOf"
            WHERE {Live(d, "r")} {LastOrder(d)};
            RETURN NULL;
        END $$;
        """;

    private static string LockOf(Days d) => $"pg_advisory_xact_lock(hashtext('{d.Lock}'))";

    // Of each date's rows, the one entered last: DISTINCT ON keeps the first of each date in this order.
    private static string Last(Days d) => $"DISTINCT ON (r.\"{d.Series}\", r.\"AsOf\") {Values(d, "r")}";

    private static string LastOrder(Days d) => $"ORDER BY r.\"{d.Series}\", r.\"AsOf\", r.\"Id\" DESC";
}

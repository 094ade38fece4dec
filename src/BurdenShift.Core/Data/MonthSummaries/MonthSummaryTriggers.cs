namespace BurdenShift.Core.Data.MonthSummaries;

/// <summary>
/// The SQL that keeps <see cref="ShareMonth"/> and <see cref="ObservationMonth"/> in step with
/// their figures, on both providers (docs/decisions/0023). Triggers rather than application code:
/// every path that writes figures (EF saves, imports, restores, rehearsed drafts that roll back,
/// the bench's bulk SQL) keeps the summaries right without knowing of them.
/// - An insert adds the row to its month: a count and a lowest and highest value, merged.
/// - An update or a delete (soft deletes are updates) counts the touched months again from their
///   rows: a month is bounded, and edits are rare.
/// SQLite has row triggers only. PostgreSQL uses statement triggers with transition tables, so a
/// bulk insert merges once per month, not once per row; an advisory lock per summary table
/// serialises writers between a recount and a concurrent merge of the same month (READ COMMITTED).
/// The migrations call this class: changing what it writes needs a new migration that drops and
/// recreates the triggers and counts the summaries again.
/// </summary>
internal static class MonthSummaryTriggers
{
    /// <summary>An aggregated column of a summary: its name, MIN or MAX, and the row's value it takes ({0} is the row).</summary>
    private sealed record Column(string Name, string Aggregate, string Value);

    private sealed record Summary(string Table, string Rows, string Series, IReadOnlyList<Column> Columns);

    private static readonly Summary Shares = new("ShareMonths", "ShareAssessments", "AreaId",
    [
        new("EuropeMin", "MIN", "{0}.\"EuropeShare\""),
        new("EuropeMax", "MAX", "{0}.\"EuropeShare\""),
        new("UsMin", "MIN", "{0}.\"UsShare\""),
        new("UsMax", "MAX", "{0}.\"UsShare\""),
        new("EuropeLowEnd", "MIN", "coalesce({0}.\"EuropeLow\", {0}.\"EuropeShare\")"),
        new("EuropeHighEnd", "MAX", "coalesce({0}.\"EuropeHigh\", {0}.\"EuropeShare\")"),
        new("UsLowEnd", "MIN", "coalesce({0}.\"UsLow\", {0}.\"UsShare\")"),
        new("UsHighEnd", "MAX", "coalesce({0}.\"UsHigh\", {0}.\"UsShare\")"),
    ]);

    private static readonly Summary Observations = new("ObservationMonths", "IndicatorObservations", "IndicatorId",
    [
        new("ValueMin", "MIN", "{0}.\"Value\""),
        new("ValueMax", "MAX", "{0}.\"Value\""),
        new("LowEnd", "MIN", "coalesce({0}.\"Low\", {0}.\"Value\")"),
        new("HighEnd", "MAX", "coalesce({0}.\"High\", {0}.\"Value\")"),
    ]);

    private static readonly Summary[] All = [Shares, Observations];

    /// <summary>Creates the triggers and counts the existing rows into the (empty) summary tables.</summary>
    public static IEnumerable<string> CreateSqlite() => All.SelectMany(CreateSqlite);

    public static IEnumerable<string> DropSqlite() =>
        All.SelectMany(s => new[] { "Insert", "Update", "Delete" }.Select(e => $"DROP TRIGGER IF EXISTS \"{s.Table}_{e}\";"));

    /// <summary>Creates the trigger functions and triggers and counts the existing rows into the (empty) summary tables.</summary>
    public static IEnumerable<string> CreatePostgres() => All.SelectMany(CreatePostgres);

    public static IEnumerable<string> DropPostgres() =>
        All.SelectMany(s => new[] { "Add", "Recount", "Remove" }.Select(f => $"DROP FUNCTION IF EXISTS \"{s.Table}_{f}\"() CASCADE;"));

    private static string Key(Summary s) => $"\"{s.Series}\", \"Month\", \"SourceId\", \"Confidence\"";

    private static string ColumnList(Summary s) =>
        $"{Key(s)}, \"Rows\", \"FirstAsOf\", {string.Join(", ", s.Columns.Select(c => $"\"{c.Name}\""))}";

    // SQLite stores a date as its ISO text: the month's first day is the first 8 characters and '01',
    // and every day of the month sorts between that and the same with '31'.
    private static string SqliteMonth(string row) => $"substr({row}.\"AsOf\", 1, 8) || '01'";

    private static IEnumerable<string> CreateSqlite(Summary s)
    {
        var values = string.Join(", ", s.Columns.Select(c => $"CAST({string.Format(c.Value, "NEW")} AS REAL)"));
        // SQLite's two-argument min() and max() are NULL if either is: a missing value takes the other.
        var merges = string.Join(", ", s.Columns.Select(c =>
            $"\"{c.Name}\" = {c.Aggregate.ToLowerInvariant()}(coalesce(\"{c.Name}\", excluded.\"{c.Name}\"), coalesce(excluded.\"{c.Name}\", \"{c.Name}\"))"));
        var watched = string.Join(", ", new[] { s.Series, "AsOf", "SourceId", "Confidence", "DeletedAt" }
            .Concat(s.Columns.SelectMany(c => Columns(c.Value))).Distinct().Select(c => $"\"{c}\""));
        yield return $"""
            CREATE TRIGGER "{s.Table}_Insert" AFTER INSERT ON "{s.Rows}" WHEN NEW."DeletedAt" IS NULL
            BEGIN
                INSERT INTO "{s.Table}" ({ColumnList(s)})
                VALUES (NEW."{s.Series}", {SqliteMonth("NEW")}, NEW."SourceId", NEW."Confidence", 1, NEW."AsOf", {values})
                ON CONFLICT ({Key(s)}) DO UPDATE SET "Rows" = "Rows" + 1, "FirstAsOf" = min("FirstAsOf", excluded."FirstAsOf"), {merges};
            END;
            """;
        // After an update both the month the row left and the one it is in now; the second only when it differs.
        var moved = $"NEW.\"{s.Series}\" <> OLD.\"{s.Series}\" OR {SqliteMonth("NEW")} <> {SqliteMonth("OLD")}";
        yield return $"""
            CREATE TRIGGER "{s.Table}_Update" AFTER UPDATE OF {watched} ON "{s.Rows}"
            BEGIN
                {SqliteRecount(s, "OLD", "1 = 1")}
                {SqliteRecount(s, "NEW", moved)}
            END;
            """;
        yield return $"""
            CREATE TRIGGER "{s.Table}_Delete" AFTER DELETE ON "{s.Rows}"
            BEGIN
                {SqliteRecount(s, "OLD", "1 = 1")}
            END;
            """;
        yield return $"""
            INSERT INTO "{s.Table}" ({ColumnList(s)})
            SELECT r."{s.Series}", {SqliteMonth("r")}, r."SourceId", r."Confidence", count(*), min(r."AsOf"), {Aggregates(s, "r", "REAL")}
            FROM "{s.Rows}" AS r WHERE r."DeletedAt" IS NULL
            GROUP BY r."{s.Series}", {SqliteMonth("r")}, r."SourceId", r."Confidence";
            """;
    }

    // The month of row `row` (OLD or NEW) counted again from its live rows, when `when` holds.
    private static string SqliteRecount(Summary s, string row, string when) => $"""
        DELETE FROM "{s.Table}" WHERE "{s.Series}" = {row}."{s.Series}" AND "Month" = {SqliteMonth(row)} AND ({when});
                INSERT INTO "{s.Table}" ({ColumnList(s)})
                SELECT r."{s.Series}", {SqliteMonth(row)}, r."SourceId", r."Confidence", count(*), min(r."AsOf"), {Aggregates(s, "r", "REAL")}
                FROM "{s.Rows}" AS r
                WHERE r."{s.Series}" = {row}."{s.Series}" AND r."AsOf" >= {SqliteMonth(row)} AND r."AsOf" <= substr({row}."AsOf", 1, 8) || '31'
                    AND r."DeletedAt" IS NULL AND ({when})
                GROUP BY r."{s.Series}", r."SourceId", r."Confidence";
        """;

    private static string Aggregates(Summary s, string row, string type) =>
        string.Join(", ", s.Columns.Select(c => $"{c.Aggregate}(CAST({string.Format(c.Value, row)} AS {type}))"));

    // The row's columns a value reads ("{0}.\"EuropeLow\"" reads EuropeLow).
    private static IEnumerable<string> Columns(string value) =>
        value.Split("{0}.\"", StringSplitOptions.None).Skip(1).Select(part => part[..part.IndexOf('"', StringComparison.Ordinal)]);

    private static string PostgresMonth(string row) => $"date_trunc('month', {row}.\"AsOf\")::date";

    private static IEnumerable<string> CreatePostgres(Summary s)
    {
        var merges = string.Join(", ", s.Columns.Select(c =>
            $"\"{c.Name}\" = {(c.Aggregate == "MIN" ? "LEAST" : "GREATEST")}(m.\"{c.Name}\", excluded.\"{c.Name}\")"));
        var lockKey = $"pg_advisory_xact_lock(hashtext('{s.Table}'))";
        yield return $"""
            CREATE FUNCTION "{s.Table}_Add"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM {lockKey};
                INSERT INTO "{s.Table}" AS m ({ColumnList(s)})
                SELECT r."{s.Series}", {PostgresMonth("r")}, r."SourceId", r."Confidence", count(*), min(r."AsOf"), {Aggregates(s, "r", "double precision")}
                FROM added AS r WHERE r."DeletedAt" IS NULL
                GROUP BY r."{s.Series}", {PostgresMonth("r")}, r."SourceId", r."Confidence"
                ON CONFLICT ({Key(s)}) DO UPDATE SET "Rows" = m."Rows" + excluded."Rows",
                    "FirstAsOf" = LEAST(m."FirstAsOf", excluded."FirstAsOf"), {merges};
                RETURN NULL;
            END $$;
            """;
        yield return PostgresRecount(s, "Recount", "SELECT \"{0}\", {1} FROM removed UNION SELECT \"{0}\", {2} FROM added");
        yield return PostgresRecount(s, "Remove", "SELECT DISTINCT \"{0}\", {1} FROM removed");
        yield return $"""
            CREATE TRIGGER "{s.Table}_Add" AFTER INSERT ON "{s.Rows}" REFERENCING NEW TABLE AS added
                FOR EACH STATEMENT EXECUTE FUNCTION "{s.Table}_Add"();
            CREATE TRIGGER "{s.Table}_Recount" AFTER UPDATE ON "{s.Rows}" REFERENCING OLD TABLE AS removed NEW TABLE AS added
                FOR EACH STATEMENT EXECUTE FUNCTION "{s.Table}_Recount"();
            CREATE TRIGGER "{s.Table}_Remove" AFTER DELETE ON "{s.Rows}" REFERENCING OLD TABLE AS removed
                FOR EACH STATEMENT EXECUTE FUNCTION "{s.Table}_Remove"();
            """;
        yield return $"""
            INSERT INTO "{s.Table}" ({ColumnList(s)})
            SELECT r."{s.Series}", {PostgresMonth("r")}, r."SourceId", r."Confidence", count(*), min(r."AsOf"), {Aggregates(s, "r", "double precision")}
            FROM "{s.Rows}" AS r WHERE r."DeletedAt" IS NULL
            GROUP BY r."{s.Series}", {PostgresMonth("r")}, r."SourceId", r."Confidence";
            """;
    }

    // A statement trigger's function that counts again every month its rows left or entered.
    private static string PostgresRecount(Summary s, string name, string touchedTemplate)
    {
        var touched = string.Format(System.Globalization.CultureInfo.InvariantCulture, touchedTemplate, s.Series,
            PostgresMonth("removed"), PostgresMonth("added"));
        return $"""
            CREATE FUNCTION "{s.Table}_{name}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtext('{s.Table}'));
                DELETE FROM "{s.Table}" AS m USING ({touched}) AS t ("Series", "Month")
                WHERE m."{s.Series}" = t."Series" AND m."Month" = t."Month";
                INSERT INTO "{s.Table}" ({ColumnList(s)})
                SELECT r."{s.Series}", t."Month", r."SourceId", r."Confidence", count(*), min(r."AsOf"), {Aggregates(s, "r", "double precision")}
                FROM ({touched}) AS t ("Series", "Month")
                JOIN "{s.Rows}" AS r ON r."{s.Series}" = t."Series" AND r."AsOf" >= t."Month" AND r."AsOf" < (t."Month" + interval '1 month')::date
                WHERE r."DeletedAt" IS NULL
                GROUP BY r."{s.Series}", t."Month", r."SourceId", r."Confidence";
                RETURN NULL;
            END $$;
            """;
    }
}

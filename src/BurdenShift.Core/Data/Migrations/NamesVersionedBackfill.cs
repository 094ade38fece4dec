namespace BurdenShift.Core.Data.Migrations;

/// <summary>
/// The SQL of the NamesVersionedAndDraftKeys migrations (one per provider): every source and
/// indicator existing when their versions began gets one version with its values as they are
/// now, published from the earliest moment there is (docs/decisions/0020-knowledge-time.md).
/// Until then every past view cited sources and named indicators as they were at the time of
/// viewing, so nothing earlier is known; starting any later would make rows that cite them
/// vanish from replays before that moment. Frozen with those migrations: the column lists are
/// the tables' columns at that migration, not the current model's.
/// </summary>
internal static class NamesVersionedBackfill
{
    private static readonly (string Table, string Version, string Columns)[] Tables =
    [
        ("Sources", "SourceVersions",
            "\"Id\", \"Key\", \"Publisher\", \"Title\", \"PublishedOn\", \"PublishedPrecision\", \"Url\", \"Confidence\", \"Note\", \"EnteredBy\", \"EnteredAt\""),
        ("Indicators", "IndicatorVersions", "\"Id\", \"Key\", \"AreaId\", \"Name\", \"Unit\", \"Direction\", \"Description\", \"Headline\""),
    ];

    /// <summary>One INSERT ... SELECT per table. <paramref name="beginning"/> is the earliest moment in the column's form.</summary>
    public static IEnumerable<string> Statements(string beginning) =>
        Tables.Select(t => $"INSERT INTO \"{t.Version}\" ({t.Columns}, \"PublishedFrom\", \"PublishedTo\") "
            + $"SELECT {string.Join(", ", t.Columns.Split(", ").Select(c => "x." + c))}, {beginning}, NULL FROM \"{t.Table}\" x;");
}

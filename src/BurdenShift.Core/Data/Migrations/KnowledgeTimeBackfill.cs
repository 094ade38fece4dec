namespace BurdenShift.Core.Data.Migrations;

/// <summary>
/// The SQL of the KnowledgeTime migrations (one per provider) that gives every row existing when
/// versions began one recorded version (docs/decisions/0020-knowledge-time.md): its values as
/// they are now, published from its first audit entry, else from when it was entered, else from
/// when the dataset was seeded; a deleted row's version ends when it was deleted. Revisions made
/// before versions existed are in the audit log but not replayed. Frozen with those migrations:
/// the column lists are the tables' columns at that migration, not the current model's.
/// </summary>
internal static class KnowledgeTimeBackfill
{
    private static readonly (string Table, string Type, string Columns, bool Entered)[] Tables =
    [
        ("Areas", "CapabilityArea", "\"Id\", \"Key\", \"Name\", \"Description\", \"ShareBasis\", \"Basis\", \"Weight\", \"DisplayOrder\"", false),
        ("CountPairs", "AreaCountPair", "\"Id\", \"AreaId\", \"Label\", \"Weight\", \"EuropeIndicatorId\", \"UsIndicatorId\", \"Note\", \"DisplayOrder\"", false),
        ("IndicatorObservations", "IndicatorObservation",
            "\"Id\", \"IndicatorId\", \"AsOf\", \"AsOfPrecision\", \"Value\", \"Low\", \"High\", \"SourceId\", \"Confidence\", \"Note\", \"EnteredBy\", \"EnteredAt\"", true),
        ("Milestones", "Milestone",
            "\"Id\", \"AreaId\", \"Title\", \"Due\", \"DuePrecision\", \"Status\", \"CompletedOn\", \"SourceId\", \"Note\"", false),
        ("ShareAssessments", "ShareAssessment",
            "\"Id\", \"AreaId\", \"AsOf\", \"AsOfPrecision\", \"EuropeShare\", \"UsShare\", \"EuropeLow\", \"EuropeHigh\", \"UsLow\", \"UsHigh\", \"SourceId\", \"Confidence\", \"Note\", \"EnteredBy\", \"EnteredAt\"", true),
        ("Targets", "Target",
            "\"Id\", \"AreaId\", \"IndicatorId\", \"Key\", \"Label\", \"Deadline\", \"Value\", \"Rationale\", \"SourceId\"", false),
    ];

    /// <summary>One INSERT ... SELECT per table. <paramref name="now"/> is the provider's "now" in the column's form.</summary>
    public static IEnumerable<string> Statements(string now)
    {
        foreach (var (table, type, columns, entered) in Tables)
        {
            var version = table == "Areas" ? "AreaVersions" : table == "CountPairs" ? "CountPairVersions" : table[..^1] + "Versions";
            var source = string.Join(", ", columns.Split(", ").Select(c => "x." + c));
            var from = "COALESCE("
                + $"(SELECT MIN(a.\"At\") FROM \"AuditEntries\" a WHERE a.\"EntityType\" = '{type}' AND a.\"EntityId\" = CAST(x.\"Id\" AS TEXT)), "
                + (entered ? "x.\"EnteredAt\", " : "")
                + $"(SELECT MIN(d.\"SeededAt\") FROM \"DatasetInfo\" d), {now})";
            yield return $"INSERT INTO \"{version}\" ({columns}, \"PublishedFrom\", \"PublishedTo\") "
                + $"SELECT {source}, {from}, x.\"DeletedAt\" FROM \"{table}\" x;";
        }
    }
}

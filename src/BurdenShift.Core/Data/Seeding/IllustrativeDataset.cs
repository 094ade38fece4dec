namespace BurdenShift.Core.Data.Seeding;

/// <summary>
/// A plausible, invented share history for every standard area, laid over the public record so
/// that every feature (trends, projections, ETAs, statuses) can be shown. The database is flagged
/// illustrative when this is loaded, and every page and export says so.
/// </summary>
internal static class IllustrativeDataset
{
    public const string SourceKey = "burdenshift-illustrative";

    // Europe share at the start of 2022, its yearly gain, and the US share at the start.
    private static readonly (string Area, double Europe, double Gain, double Us)[] Curves =
    [
        ("isr", 22, 3.5, 72),
        ("air-defence", 18, 4.0, 76),
        ("missiles", 15, 2.0, 80),
        ("ammunition", 35, 6.0, 58),
        ("drones", 30, 7.5, 62),
        ("cyber", 40, 3.0, 55),
        ("enablers", 12, 2.5, 84),
    ];

    public static SeedFile Build(SeedFile publicRecord)
    {
        var source = new SeedSource(SourceKey, "BurdenShift", "Illustrative demonstration data (not drawn from published sources)",
            null, null, "low", "Invented to demonstrate the dashboard. Never cite these figures.");
        var shares = new List<SeedShare>();
        for (var k = 0; k < Curves.Length; k++)
        {
            var (area, europe, gain, us) = Curves[k];
            // Quarter ends from 2022-Q1 to 2026-Q3.
            for (var q = 0; q < 19; q++)
            {
                var years = q / 4.0;
                var wiggle = (((q * 7) + (k * 3)) % 5 - 2) * 0.4;
                var eu = Math.Round(Math.Clamp(europe + (gain * years) + wiggle, 0, 97), 1);
                var usShare = Math.Round(Math.Clamp(us - (gain * 0.9 * years), 0, 100 - eu), 1);
                var asOf = $"{2022 + (q / 4)}-Q{(q % 4) + 1}";
                shares.Add(new SeedShare(area, asOf, (decimal)eu, (decimal)usShare, SourceKey, "low",
                    "Illustrative: not a published figure."));
            }
        }

        return publicRecord with
        {
            Dataset = "illustrative",
            Sources = [.. publicRecord.Sources, source],
            ShareAssessments = shares,
            // The invented share histories are the point of this dataset: every area keeps the assessed basis.
            AreaBases = [],
        };
    }
}

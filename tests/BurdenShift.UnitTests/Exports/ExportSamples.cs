using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Exports;

namespace BurdenShift.UnitTests.Exports;

/// <summary>Hand-written DTOs: what the dashboard service would hand the writers.</summary>
internal static class ExportSamples
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    public static readonly SourceRef Institute = new("example-institute", "Example Institute", "Drone census, \"2025\" edition", "https://example.org/census", Confidence.Medium);

    public static readonly SourceRef Reuters = new("reuters-2027", "Reuters", "Pentagon wants Europe to take over", null, Confidence.High);

    public static TargetResult Target(string key, decimal value, decimal? current, decimal? gap, decimal? projected, TargetStatus status) =>
        new(key, $"{key} target", new DateOnly(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture), 12, 31), value, "rationale", Reuters,
            current, current is null ? null : new DateOnly(2025, 6, 30), gap, gap is null ? null : gap / 1.5m, projected,
            null, null, status, current is null ? null : Confidence.Medium, new MilestoneRollup(3, 1, 1));

    /// <summary>Drones with a falling trend (a negative number) and a formula-looking note; cyber with no public figure.</summary>
    public static IReadOnlyList<AreaSummary> Areas() =>
    [
        new("drones", "Drones, \"loitering\" munitions", AsOf, false,
            new LatestShare(new DateOnly(2025, 6, 30), DatePrecision.Day, 38.5m, 55m, Confidence.Medium, Institute, "=HYPERLINK(\"http://evil\")",
                EuropeLow: 33m, EuropeHigh: 44m),
            -2.25m,
            [
                Target("2027", 50m, 38.5m, 11.5m, 34.1m, TargetStatus.OffTrack) with
                {
                    Range = new RangeResult(
                        new RangeEnd(33m, -3m, 25.25m, null, null, TargetStatus.OffTrack),
                        new RangeEnd(44m, 4m, 53.5m, new DateOnly(2027, 6, 30), -0.5m, TargetStatus.OnTrack),
                        Robust: false),
                },
                Target("2030", 90m, 38.5m, 51.5m, 30.1m, TargetStatus.OffTrack),
            ],
            ShareBasisKind.Assessed, [], null),
        new("cyber", "Cyber", AsOf, false, null, null,
            [Target("2027", 50m, null, null, null, TargetStatus.NoData), Target("2030", 90m, null, null, null, TargetStatus.NoData)],
            ShareBasisKind.Assessed, [], null),
    ];

    public static AreaDetail Detail()
    {
        var drones = Areas()[0];
        return new AreaDetail(drones.Key, drones.Name, AsOf, false, drones.Latest, drones.TrendPerYear, drones.Targets,
            drones.ShareBasis, drones.Derivation, drones.DerivedShare, "Uncrewed systems", null,
            [
                new(1, new DateOnly(2024, 6, 30), DatePrecision.Month, 40m, null, Confidence.Low, Reuters, "+1 on last year, \"roughly\"\nsecond line", "e", DateTimeOffset.UnixEpoch),
                new(2, new DateOnly(2025, 6, 30), DatePrecision.Day, 38.5m, 55m, Confidence.Medium, Institute, "=HYPERLINK(\"http://evil\")", "e", DateTimeOffset.UnixEpoch),
                new(3, new DateOnly(2025, 7, 31), DatePrecision.Day, 38m, 55m, Confidence.Medium, Institute, "-2+3", "e", DateTimeOffset.UnixEpoch),
                new(4, new DateOnly(2025, 8, 31), DatePrecision.Day, 37.5m, 56m, Confidence.Medium, Institute, "@SUM(A1:A2)", "e", DateTimeOffset.UnixEpoch),
            ],
            [
                new IndicatorSummary("drone-output", "Drone output", "drones per year", IndicatorDirection.Up, "drones", AsOf, false,
                    null, null, [], [new(7, new DateOnly(2025, 12, 31), DatePrecision.Year, -1200.5m, Confidence.Low, Institute, "\tindented")]),
            ],
            [
                new(5, null, "EU drone wall", new DateOnly(2026, 3, 31), DatePrecision.Quarter, MilestoneStatus.Slipped, null, true, Reuters, null),
            ],
            new SeriesHistory(4, false, [], [new CitedSource(Institute, Confidence.Medium, 3), new CitedSource(Reuters, Confidence.Low, 1)]),
            new Dictionary<string, SeriesHistory> { ["drone-output"] = new(1, false, [], [new CitedSource(Institute, Confidence.Low, 1)]) },
            []);
    }

    public static ExportWorkbook Workbook(ExportTable table, IEnumerable<SourceRef> sources, bool illustrative = false) =>
        new("BurdenShift test", AsOf, illustrative, [table], [.. sources]);
}

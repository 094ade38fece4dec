namespace BurdenShift.Core.Domain;

/// <summary>
/// The lower-case names enums have in the database, imports, seed files and the API
/// (<c>high</c>, <c>in-progress</c>, <c>down</c>), so every boundary spells them the same way.
/// </summary>
public static class WireNames
{
    // Each enum's names once, in the order messages and check constraints list them.
    public static readonly WireTable<Confidence> Confidences = new((Confidence.High, "high"), (Confidence.Medium, "medium"), (Confidence.Low, "low"));

    public static readonly WireTable<IndicatorDirection> Directions = new((IndicatorDirection.Up, "up"), (IndicatorDirection.Down, "down"));

    public static readonly WireTable<MilestoneStatus> MilestoneStatuses = new(
        (MilestoneStatus.Planned, "planned"), (MilestoneStatus.InProgress, "in-progress"), (MilestoneStatus.Done, "done"),
        (MilestoneStatus.Slipped, "slipped"), (MilestoneStatus.Cancelled, "cancelled"));

    public static readonly WireTable<ShareBasisKind> ShareBases = new((ShareBasisKind.Assessed, "assessed"), (ShareBasisKind.Derived, "derived"));

    public static string ToWire(this Confidence value) => Confidences.Name(value);

    public static string ToWire(this IndicatorDirection value) => Directions.Name(value);

    public static string ToWire(this MilestoneStatus value) => MilestoneStatuses.Name(value);

    public static string ToWire(this ShareBasisKind value) => ShareBases.Name(value);

    public static bool TryParseShareBasis(string? text, out ShareBasisKind value) => ShareBases.TryParse(text, out value);

    public static ShareBasisKind ParseShareBasis(string text) =>
        TryParseShareBasis(text, out var v) ? v : throw new FormatException($"Unknown share basis '{text}': use assessed or derived.");

    public static bool TryParseConfidence(string? text, out Confidence value) => Confidences.TryParse(text, out value);

    public static bool TryParseDirection(string? text, out IndicatorDirection value) => Directions.TryParse(text, out value);

    public static bool TryParseMilestoneStatus(string? text, out MilestoneStatus value) => MilestoneStatuses.TryParse(text, out value);

    public static Confidence ParseConfidence(string text) =>
        TryParseConfidence(text, out var v) ? v : throw new FormatException($"Unknown confidence '{text}': use high, medium or low.");

    public static IndicatorDirection ParseDirection(string text) =>
        TryParseDirection(text, out var v) ? v : throw new FormatException($"Unknown direction '{text}': use up or down.");

    public static MilestoneStatus ParseMilestoneStatus(string text) =>
        TryParseMilestoneStatus(text, out var v) ? v : throw new FormatException($"Unknown milestone status '{text}'.");

    public static string ToWire(this DatePrecision value) => value.ToString().ToLowerInvariant();

    public static DatePrecision ParseDatePrecision(string text) =>
        Enum.TryParse<DatePrecision>(text, ignoreCase: true, out var v) && Enum.IsDefined(v)
            ? v
            : throw new FormatException($"Unknown date precision '{text}'.");
}

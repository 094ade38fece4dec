namespace BurdenShift.Core.Domain;

/// <summary>
/// The lower-case names enums have in the database, imports, seed files and the API
/// (<c>high</c>, <c>in-progress</c>, <c>down</c>), so every boundary spells them the same way.
/// </summary>
public static class WireNames
{
    public static string ToWire(this Confidence value) => value switch
    {
        Confidence.High => "high",
        Confidence.Medium => "medium",
        Confidence.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToWire(this IndicatorDirection value) => value switch
    {
        IndicatorDirection.Up => "up",
        IndicatorDirection.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToWire(this MilestoneStatus value) => value switch
    {
        MilestoneStatus.Planned => "planned",
        MilestoneStatus.InProgress => "in-progress",
        MilestoneStatus.Done => "done",
        MilestoneStatus.Slipped => "slipped",
        MilestoneStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToWire(this ShareBasisKind value) => value switch
    {
        ShareBasisKind.Assessed => "assessed",
        ShareBasisKind.Derived => "derived",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static bool TryParseShareBasis(string? text, out ShareBasisKind value)
    {
        value = text?.Trim().ToLowerInvariant() switch
        {
            "assessed" => ShareBasisKind.Assessed,
            "derived" => ShareBasisKind.Derived,
            _ => 0,
        };
        return value != 0;
    }

    public static ShareBasisKind ParseShareBasis(string text) =>
        TryParseShareBasis(text, out var v) ? v : throw new FormatException($"Unknown share basis '{text}': use assessed or derived.");

    public static bool TryParseConfidence(string? text, out Confidence value)
    {
        value = text?.Trim().ToLowerInvariant() switch
        {
            "high" => Confidence.High,
            "medium" => Confidence.Medium,
            "low" => Confidence.Low,
            _ => 0,
        };
        return value != 0;
    }

    public static bool TryParseDirection(string? text, out IndicatorDirection value)
    {
        value = text?.Trim().ToLowerInvariant() switch
        {
            "up" => IndicatorDirection.Up,
            "down" => IndicatorDirection.Down,
            _ => 0,
        };
        return value != 0;
    }

    public static bool TryParseMilestoneStatus(string? text, out MilestoneStatus value)
    {
        value = text?.Trim().ToLowerInvariant() switch
        {
            "planned" => MilestoneStatus.Planned,
            "in-progress" => MilestoneStatus.InProgress,
            "done" => MilestoneStatus.Done,
            "slipped" => MilestoneStatus.Slipped,
            "cancelled" => MilestoneStatus.Cancelled,
            _ => 0,
        };
        return value != 0;
    }

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

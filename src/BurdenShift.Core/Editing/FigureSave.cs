namespace BurdenShift.Core.Editing;

/// <summary>What an editor submits: values as typed, the version they edited, and why.</summary>
public sealed record FigureSave(
    FigureKind Kind,
    long? Id,
    string? Token,
    string? ParentKey,
    IReadOnlyDictionary<string, string?> Values,
    string? Reason);

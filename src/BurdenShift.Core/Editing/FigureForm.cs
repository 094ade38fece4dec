namespace BurdenShift.Core.Editing;

/// <summary>A row as its edit form shows it: every value as text, and the version the editor saw.</summary>
public sealed record FigureForm(
    FigureKind Kind,
    long? Id,
    string? Token,
    string Title,
    string? AreaKey,
    string? ParentKey,
    IReadOnlyDictionary<string, string?> Values,
    bool Deleted);

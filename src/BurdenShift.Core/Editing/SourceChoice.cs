namespace BurdenShift.Core.Editing;

/// <summary>A source an editor can pick in a form.</summary>
public sealed record SourceChoice(string Key, string Publisher, string Title);

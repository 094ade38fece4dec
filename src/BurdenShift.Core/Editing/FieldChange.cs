namespace BurdenShift.Core.Editing;

/// <summary>One field of a change: what it held before and after (null: no value).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

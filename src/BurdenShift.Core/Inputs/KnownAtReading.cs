namespace BurdenShift.Core.Inputs;

/// <summary>What <see cref="KnownAtQuery.Read"/> found: the moment (null: the latest record), whether one was given, and why it was refused (null when it was not).</summary>
public readonly record struct KnownAtReading(DateTimeOffset? Moment, bool Given, string? Problem)
{
    public bool IsValid => Problem is null;
}

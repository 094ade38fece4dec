namespace BurdenShift.Core.Inputs;

/// <summary>What <see cref="AsOfQuery.Read"/> found: the date to use, whether one was given, and why it was refused (null when it was not).</summary>
public readonly record struct AsOfReading(DateOnly Date, bool Given, string? Problem)
{
    public bool IsValid => Problem is null;
}

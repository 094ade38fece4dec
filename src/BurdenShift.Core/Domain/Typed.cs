namespace BurdenShift.Core.Domain;

/// <summary>
/// A value read from typed text: the value, or why it cannot be one (a phrase without the
/// field's name, for the caller to put its field or column first), or nothing typed at all.
/// </summary>
public readonly record struct Typed<T>(T Value, string? Problem, bool Given)
    where T : struct
{
    /// <summary>A value was typed and it is good.</summary>
    public bool Ok => Given && Problem is null;

    /// <summary>The value when it is good; null when nothing was typed or it was refused.</summary>
    public T? OrNull => Ok ? Value : null;

}

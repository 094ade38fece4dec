namespace BurdenShift.Core.Domain;

/// <summary>How far a figure can be trusted. Ordered so the lowest of a set is its minimum.</summary>
public enum Confidence
{
    Low = 1,
    Medium = 2,
    High = 3,
}

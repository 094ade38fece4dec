namespace BurdenShift.Core.Domain;

/// <summary>Which way an indicator improves: <see cref="Up"/> when higher is better.</summary>
public enum IndicatorDirection
{
    Up = 1,
    Down = 2,
}

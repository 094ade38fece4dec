namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// What a series measures, which decides clamping and the at-risk baseline: a share is a
/// percentage (clamped to 0..100, baseline 0), an indicator any unit (clamped at 0, baseline its
/// earliest observation).
/// </summary>
public enum SeriesKind
{
    Share = 1,
    Indicator = 2,
}

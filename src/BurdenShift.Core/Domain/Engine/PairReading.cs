namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// One count pair read at an as-of date: each side's current observation, and, when the pair is
/// defined (both sides observed, their sum above zero), its Europe share, its date (the later
/// of the two) and its confidence (the lower of the two). Undefined pairs carry nulls.
/// </summary>
public sealed record PairReading(
    string Label,
    decimal Weight,
    SeriesPoint? Europe,
    SeriesPoint? Us,
    decimal? Share,
    DateOnly? Date,
    Confidence? Confidence)
{
    public bool Defined => Share is not null;
}

namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// One count pair read at an as-of date: each side's current observation, and, when the pair is
/// defined (both sides observed, their sum above zero), its Europe share, its date (the later
/// of the two) and its confidence (the lower of the two). Undefined pairs carry nulls.
/// <paramref name="ShareLow"/> and <paramref name="ShareHigh"/> are the share's range when a
/// side's count gives one: Europe's low end against the US's high end, and the reverse
/// (docs/methodology.md, "Ranges of a derived share").
/// </summary>
public sealed record PairReading(
    string Label,
    decimal Weight,
    SeriesPoint? Europe,
    SeriesPoint? Us,
    decimal? Share,
    DateOnly? Date,
    Confidence? Confidence,
    decimal? ShareLow = null,
    decimal? ShareHigh = null)
{
    public bool Defined => Share is not null;
}

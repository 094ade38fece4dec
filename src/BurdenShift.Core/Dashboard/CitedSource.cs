namespace BurdenShift.Core.Dashboard;

/// <summary>A source cited by a series' rows: how many rows cite it and the lowest confidence among them.</summary>
public sealed record CitedSource(SourceRef Source, Confidence LowestConfidence, int Rows);

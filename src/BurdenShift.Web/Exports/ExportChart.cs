using BurdenShift.Core.Domain;

namespace BurdenShift.Web.Exports;

/// <summary>One dated value of an exported series.</summary>
public sealed record ExportPoint(DateOnly Date, decimal Value);

/// <summary>
/// An observed series: a solid line with the colour and marker shape of <paramref name="Style"/>, fixed
/// per meaning (0 Europe share or the series itself, 1 US share) so a missing series never shifts the others.
/// </summary>
public sealed record ExportSeries(string Name, IReadOnlyList<ExportPoint> Points, int Style = 0);

/// <summary>A dashed line from the latest point to the value projected at a target's deadline.</summary>
public sealed record ExportProjection(string Label, ExportPoint From, ExportPoint To);

/// <summary>A horizontal target line at <paramref name="Value"/>, reached by <paramref name="Deadline"/>.</summary>
public sealed record ExportTargetLine(string Key, string Label, decimal Value, DateOnly Deadline);

/// <summary>
/// Everything an exported chart shows, independent of how it is drawn: the same object becomes a
/// PNG, an SVG, a slide image and a PDF page image. <see cref="EmptyText"/> is set when there is
/// no figure to draw, and then the chart says so instead of drawing zeros.
/// </summary>
public sealed record ExportChart(
    string Title,
    string Subtitle,
    string Unit,
    IReadOnlyList<ExportSeries> Series,
    IReadOnlyList<ExportProjection> Projections,
    IReadOnlyList<ExportTargetLine> TargetLines,
    IReadOnlyList<string> SourceLines,
    Confidence? LowestConfidence,
    DateOnly AsOf,
    bool Illustrative,
    string? EmptyText)
{
    public bool IsEmpty => Series.All(s => s.Points.Count == 0);

    public bool IsPercent => Unit == "%";
}

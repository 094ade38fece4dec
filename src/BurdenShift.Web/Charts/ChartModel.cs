namespace BurdenShift.Web.Charts;

/// <summary>
/// Everything a chart shows, independent of how it is drawn: the same object becomes the page's
/// inline SVG (<c>LineChart</c>), an exported PNG or SVG, a slide image and a PDF page image, so
/// series names, colours, projections and the caption cannot differ between screen and export.
/// Built by <see cref="ChartBuilder"/>. <see cref="EmptyText"/> says why there is nothing to draw,
/// so a chart without figures never draws zeros.
/// </summary>
/// <param name="Notes">Lines the caption gives before the sources, e.g. which areas the index covers.</param>
/// <param name="Sources">The sources of the figures shown, latest first, each once.</param>
public sealed record ChartModel(
    string Title,
    string Subtitle,
    string Unit,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartProjection> Projections,
    IReadOnlyList<ChartTargetLine> TargetLines,
    IReadOnlyList<string> Notes,
    IReadOnlyList<SourceRef> Sources,
    Confidence? LowestConfidence,
    DateOnly AsOf,
    bool Illustrative,
    string EmptyText)
{
    /// <summary>The moment whose published record the figures come from (docs/methodology.md, "Knowledge time"); null: the latest.</summary>
    public DateTimeOffset? KnownAt { get; init; }

    public bool IsEmpty => Series.All(s => s.Points.Count == 0);

    public bool IsPercent => Unit == "%";

    /// <summary>"Source: publisher, title" per source, in the order given.</summary>
    public IReadOnlyList<string> SourceLines => [.. Sources.Select(s => $"Source: {s.Publisher}, {s.Title}")];

    /// <summary>
    /// The caption under the plot, the same on screen and in exports: the notes, at most three
    /// sources ("and N more"), the lowest confidence and the as-of stamp.
    /// </summary>
    public IReadOnlyList<string> CaptionLines
    {
        get
        {
            var confidence = LowestConfidence is { } c ? $"Lowest confidence among the figures shown: {c.ToWire()}" : "No figure shown";
            List<string> sources = Sources.Count == 0 ? ["Source: none (no figure dated on or before this date)"] : [.. SourceLines.Take(3)];
            if (Sources.Count > 3)
            {
                sources[^1] += $"; and {Sources.Count - 3} more";
            }

            var stamp = $"{confidence} · Data as of {Formats.Date(AsOf)}"
                + (KnownAt is { } known ? $" · Figures as published on {Core.Inputs.KnownAtQuery.Describe(known)}" : "")
                + (Illustrative ? " · ILLUSTRATIVE dataset: invented figures, not published data" : "");
            return [.. Notes, .. sources, stamp];
        }
    }
}

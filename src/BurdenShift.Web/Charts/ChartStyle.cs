namespace BurdenShift.Web.Charts;

/// <summary>
/// The colour and marker shape of each series style, shared by the page's SVG and the exports.
/// Colours are dark enough for WCAG AA (at least 4.5:1) on white and apart in hue for the common
/// colour-blindnesses; shapes keep series apart in greyscale.
/// </summary>
public static class ChartStyle
{
    /// <summary>Europe's share, or a chart's only series.</summary>
    public const int Europe = 0;

    /// <summary>The US's share.</summary>
    public const int Us = 1;

    private static readonly string[] Colours = ["#1f5fa8", "#b34700", "#2e7d32", "#8e3b8f", "#a3123a", "#0b6e6e"];

    /// <summary>How many styles there are before colours and shapes repeat.</summary>
    public static int Count => Colours.Length;

    public static string Colour(int style) => Colours[style % Colours.Length];

    /// <summary>The marker of a style: circle, square, triangle up, diamond, triangle down, cross.</summary>
    public static MarkerKind Marker(int style) => (MarkerKind)(style % Colours.Length);
}

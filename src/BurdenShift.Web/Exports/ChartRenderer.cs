using BurdenShift.Web.Charts;
using ScottPlot;
using SkiaSharp;

namespace BurdenShift.Web.Exports;

/// <summary>
/// Draws an <see cref="ChartModel"/> as PNG or SVG: the header (title, subtitle) and the footer
/// (sources, lowest confidence, "Data as of") are laid out here with SkiaSharp, wrapped to the width,
/// and ScottPlot 5 draws the plot between them. Series differ by marker shape and line style as well
/// as colour, so a greyscale print keeps them apart; target lines carry their label on the chart; a
/// chart without figures says "No public figure" and draws no line at all.
/// </summary>
public static class ChartRenderer
{
    public const int DefaultWidth = 1600;
    public const int DefaultHeight = 900;
    public const string Watermark = "ILLUSTRATIVE";
    private const string Family = "DejaVu Sans";

    // The page's shapes (ChartStyle), filled for observed series and open for projections.
    private static readonly MarkerShape[] SeriesMarkers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown, MarkerShape.Cross];
    private static readonly MarkerShape[] ProjectionMarkers = [MarkerShape.OpenCircle, MarkerShape.OpenTriangleUp, MarkerShape.OpenSquare];
    private static readonly LinePattern[] TargetPatterns = [LinePattern.Dotted, LinePattern.DenselyDashed];
    private static readonly Color Ink = Color.FromHex("#222222");
    private static readonly SKColor SkInk = new(0x22, 0x22, 0x22);

    static ChartRenderer()
    {
        // ScottPlot's default font resolves to a serif here; DejaVu Sans is installed wherever the app runs (test.sh, Dockerfile).
        Fonts.Default = Family;
    }

    /// <param name="textScale">Text larger than the default for the size, e.g. for a chart placed small on a slide.</param>
    /// <param name="header">False leaves out the title and subtitle, for a slide that already shows them.</param>
    public static byte[] Png(ChartModel chart, int width = DefaultWidth, int height = DefaultHeight, int scale = 1, float textScale = 1, bool header = true)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width * scale, height * scale, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        Draw(canvas, chart, width, height, textScale, header);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("The chart surface has no pixels to encode.");
        // Lossless either way; the "Sub" filter and zlib level 4 encode a chart about twice as fast as
        // Skia's default (all filters, level 6) for a file a few per cent larger.
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4)) ?? throw new InvalidOperationException("The chart could not be encoded as PNG.");
        return data.ToArray();
    }

    public static string Svg(ChartModel chart, int width = DefaultWidth, int height = DefaultHeight)
    {
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), managed))
        {
            using var white = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(0, 0, width, height, white);
            Draw(canvas, chart, width, height, 1, header: true);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The footer under the plot: the chart's caption, as the page prints it.</summary>
    public static IReadOnlyList<string> FooterLines(ChartModel chart) => chart.CaptionLines;

    private static void Draw(SKCanvas canvas, ChartModel chart, int width, int height, float textScale, bool header)
    {
        var unit = Math.Clamp(Math.Min(width / 1600f, height / 900f), 0.45f, 2.5f) * textScale;
        var margin = 28 * unit;
        using var titleFont = Font(34 * unit, bold: true);
        using var subtitleFont = Font(20 * unit, bold: false);
        using var footerFont = Font(16 * unit, bold: false);
        using var ink = new SKPaint { Color = SkInk, IsAntialias = true };

        // Layout first: the header from the top, the footer from the bottom, the plot in between.
        var heading = new List<(string Text, SKFont Font)>();
        if (header)
        {
            heading.AddRange(Wrap(chart.Title, titleFont, width - (2 * margin)).Select(l => (l, titleFont)));
            heading.AddRange(Wrap(chart.Subtitle, subtitleFont, width - (2 * margin)).Select(l => (l, subtitleFont)));
        }

        var headerBottom = header ? margin + heading.Sum(h => h.Font.Spacing) + (4 * unit) : 0;
        var footer = FooterLines(chart).SelectMany(l => Wrap(l, footerFont, width - (2 * margin))).ToList();
        var footerTop = height - margin - (footer.Count * footerFont.Spacing);
        var plotRect = new PixelRect(0, width - margin, headerBottom + (8 * unit), footerTop - (8 * unit));

        // ScottPlot paints its whole figure background, so the plot goes first and the texts over it.
        if (plotRect.Height > 60)
        {
            Plot(chart, unit, width).Render(canvas, plotRect);
        }

        // ScottPlot clears the whole canvas to transparent before it paints its own rectangle: paint the rest white again.
        using (var white = new SKPaint { Color = SKColors.White })
        {
            canvas.DrawRect(0, 0, width, plotRect.Top, white);
            canvas.DrawRect(0, plotRect.Bottom, width, height - plotRect.Bottom, white);
            canvas.DrawRect(plotRect.Right, 0, width - plotRect.Right, height, white);
        }

        var y = margin;
        foreach (var (text, font) in heading)
        {
            y += font.Spacing;
            canvas.DrawText(text, margin, y - font.Metrics.Descent, SKTextAlign.Left, font, ink);
        }

        y = footerTop;
        foreach (var line in footer)
        {
            y += footerFont.Spacing;
            canvas.DrawText(line, margin, y - footerFont.Metrics.Descent, SKTextAlign.Left, footerFont, ink);
        }

        if (chart.Illustrative)
        {
            using var markFont = Font(Math.Min(150 * unit, width / 9.5f), bold: true);
            using var mark = new SKPaint { Color = new SKColor(0, 0, 0, 40), IsAntialias = true };
            canvas.Save();
            canvas.Translate(width / 2f, (plotRect.Top + plotRect.Bottom) / 2f);
            canvas.RotateDegrees(-20);
            canvas.DrawText(Watermark, 0, markFont.Size / 3, SKTextAlign.Center, markFont, mark);
            canvas.Restore();
        }
    }

    private static Plot Plot(ChartModel chart, float unit, int width)
    {
        var plot = new Plot();
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.Label.Text = chart.IsPercent ? "Share (%)" : chart.Unit;
        plot.Axes.Left.Label.FontSize = 18 * unit;
        plot.Axes.Left.Label.ForeColor = Ink;
        plot.Axes.Left.TickLabelStyle.FontSize = 16 * unit;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16 * unit;
        plot.Axes.Left.TickLabelStyle.ForeColor = Ink;
        plot.Axes.Bottom.TickLabelStyle.ForeColor = Ink;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        plot.Layout.Default();

        var (xMin, xMax) = XRange(chart);
        var (yMin, yMax) = YRange(chart);

        // The ranges first, under the lines: a band around each series, a fan around each projection.
        var ranged = false;
        foreach (var series in chart.Series.Where(s => s.Points.Any(p => p.HasRange)))
        {
            var points = Lttb.Downsample([.. series.Points.OrderBy(p => p.Date)], width * Lttb.PointsPerPixel, p => X(p.Date), p => (double)p.Value);
            // A lone point's range gets a narrow band of its own width: a fill needs two x values.
            var xs = points.Count == 1 ? [X(points[0].Date) - 10, X(points[0].Date) + 10] : points.Select(p => X(p.Date)).ToArray();
            var lows = points.Count == 1 ? [(double)points[0].LowEnd, (double)points[0].LowEnd] : points.Select(p => (double)p.LowEnd).ToArray();
            var highs = points.Count == 1 ? [(double)points[0].HighEnd, (double)points[0].HighEnd] : points.Select(p => (double)p.HighEnd).ToArray();
            var band = plot.Add.FillY(xs, lows, highs);
            band.FillColor = Color.FromHex(ChartStyle.Colour(series.Style)).WithAlpha(0.2);
            band.LineWidth = 0;
            band.LegendText = $"{series.Name}: range (shaded)";
            ranged = true;
        }

        foreach (var fan in chart.Projections.Select(p => p.Fan).OfType<ChartFan>())
        {
            var shade = plot.Add.FillY(
                [X(fan.PessimisticFrom.Date), X(fan.PessimisticTo.Date)],
                [(double)fan.PessimisticFrom.Value, (double)fan.PessimisticTo.Value],
                [(double)fan.OptimisticFrom.Value, (double)fan.OptimisticTo.Value]);
            shade.FillColor = Color.FromHex(ChartStyle.Colour(ChartStyle.Europe)).WithAlpha(0.13);
            shade.LineWidth = 0;
            shade.LegendText = ranged ? "" : "projections from the range's ends (shaded fan)";
            ranged = true;
        }

        foreach (var series in chart.Series.Where(s => s.Points.Count > 0))
        {
            // At most two points per pixel, peaks kept (Lttb): a long history draws no more than a short one.
            var points = Lttb.Downsample([.. series.Points.OrderBy(p => p.Date)], width * Lttb.PointsPerPixel, p => X(p.Date), p => (double)p.Value);
            var scatter = plot.Add.Scatter(
                points.Select(p => X(p.Date)).ToArray(),
                points.Select(p => (double)p.Value).ToArray());
            scatter.Color = Color.FromHex(ChartStyle.Colour(series.Style));
            scatter.LineWidth = 3 * unit;
            scatter.MarkerShape = SeriesMarkers[(int)ChartStyle.Marker(series.Style)];
            scatter.MarkerSize = 12 * unit;
            scatter.LegendText = series.Name;
        }

        for (var i = 0; i < chart.Projections.Count; i++)
        {
            var p = chart.Projections[i];
            var line = plot.Add.Scatter(new[] { X(p.From.Date), X(p.To.Date) }, new[] { (double)p.From.Value, (double)p.To.Value });
            line.Color = Color.FromHex(ChartStyle.Colour(ChartStyle.Europe));
            line.LineWidth = 2.5f * unit;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerShape = ProjectionMarkers[i % ProjectionMarkers.Length];
            line.MarkerSize = 13 * unit;
            line.LegendText = $"{p.Label} (dashed): {Value(chart, p.To.Value)}";
        }

        for (var i = 0; i < chart.TargetLines.Count; i++)
        {
            var t = chart.TargetLines[i];
            var target = plot.Add.HorizontalLine((double)t.Value);
            target.Color = Ink;
            target.LineWidth = 2 * unit;
            target.LinePattern = TargetPatterns[i % TargetPatterns.Length];
            target.LegendText = $"{t.Name}: {Value(chart, t.Value)} by {Formats.Date(t.Deadline)}";

            // The deadline: a short upright bar on the target line, as the UI draws it.
            var half = (yMax - yMin) * 0.035;
            var deadline = plot.Add.Scatter(new[] { X(t.Deadline), X(t.Deadline) }, new[] { (double)t.Value - half, (double)t.Value + half });
            deadline.Color = Ink;
            deadline.LineWidth = 5 * unit;
            deadline.MarkerSize = 0;

            var label = plot.Add.Text($"{t.Name} {Value(chart, t.Value)}", xMin + ((xMax - xMin) * 0.01), (double)t.Value);
            label.LabelFontSize = 16 * unit;
            label.LabelFontColor = Ink;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.LowerLeft;
            // No box behind the label: it must not hide the early data points it sits over.
            label.LabelBackgroundColor = Colors.Transparent;
            label.LabelOffsetY = -3 * unit;
        }

        if (chart.IsEmpty)
        {
            var empty = plot.Add.Annotation(WrapChars(chart.EmptyText ?? "No public figure", 70), Alignment.LowerCenter);
            empty.LabelFontSize = 20 * unit;
            empty.LabelFontColor = Ink;
            empty.LabelBackgroundColor = Colors.White;
            empty.LabelBorderColor = Ink;
            empty.LabelShadowColor = Colors.Transparent;
            empty.LabelPadding = 14 * unit;
        }

        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.Legend.FontSize = 15 * unit;
        plot.Legend.FontColor = Ink;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static SKFont Font(float size, bool bold) =>
        new(SKTypeface.FromFamilyName(Family, bold ? SKFontStyle.Bold : SKFontStyle.Normal), size);

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static string WrapChars(string text, int perLine)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return string.Join("\n", lines);
    }

    private static (double Min, double Max) XRange(ChartModel chart)
    {
        var dates = chart.Series.SelectMany(s => s.Points.Select(p => p.Date))
            .Concat(chart.Projections.Select(p => p.To.Date))
            .Concat(chart.TargetLines.Select(t => t.Deadline))
            .Append(chart.AsOf)
            .ToList();
        return (X(dates.Min().AddMonths(-6)), X(dates.Max().AddMonths(6)));
    }

    private static (double Min, double Max) YRange(ChartModel chart)
    {
        if (chart.IsPercent)
        {
            return (0, 100);
        }

        var values = chart.Series.SelectMany(s => s.Points.SelectMany(p => new[] { (double)p.LowEnd, (double)p.HighEnd }))
            .Concat(chart.Projections.Select(p => (double)p.To.Value))
            .Concat(chart.Projections.SelectMany(p => p.Fan?.Corners.Select(c => (double)c.Value) ?? []))
            .Concat(chart.TargetLines.Select(t => (double)t.Value))
            .DefaultIfEmpty(1)
            .ToList();
        var max = values.Max();
        var min = Math.Min(0, values.Min());
        return (min, max <= min ? min + 1 : max * 1.12);
    }

    private static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static string Value(ChartModel chart, decimal value) =>
        chart.IsPercent ? Formats.Percent(value) : $"{Formats.Number(value)} {chart.Unit}";
}

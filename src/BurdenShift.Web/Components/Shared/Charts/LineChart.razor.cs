using System.Text;
using BurdenShift.Web.Charts;
using Microsoft.AspNetCore.Components;

namespace BurdenShift.Web.Components.Shared.Charts;

/// <summary>
/// A <see cref="ChartModel"/> drawn as inline SVG by Razor: no JavaScript, so it prerenders and prints
/// as is; the exports draw the same model (ChartRenderer). Colour never carries meaning alone: series
/// differ by marker shape (<see cref="ChartStyle"/>), projections are dashed and every figure is
/// repeated in a data table.
/// </summary>
public partial class LineChart
{
    private const double MarkerRadius = 4;

    /// <summary>Rows of the data table shown at a time.</summary>
    public const int TableRows = 25;
    private static int instances;

    // SVG ids are document-wide, so two charts on one page must not share their title or clip path ids.
    private readonly string id = $"line-chart-{Interlocked.Increment(ref instances)}";

    [Parameter, EditorRequired] public ChartModel Chart { get; set; } = null!;
    [Parameter] public decimal? YMin { get; set; }
    [Parameter] public decimal? YMax { get; set; }
    [Parameter] public DateOnly? XMin { get; set; }
    [Parameter] public DateOnly? XMax { get; set; }
    [Parameter] public int Width { get; set; } = 800;
    [Parameter] public int Height { get; set; } = 320;

    private bool isEmpty;
    private double left, right, top, bottom;
    private decimal yLow, yHigh;
    private DateOnly xLow, xHigh;
    private List<Tick> yTicks = [];
    private List<Tick> xTicks = [];
    private List<SeriesView> seriesViews = [];
    private List<ProjectionView> projectionViews = [];
    private List<TargetView> targetViews = [];
    private List<TableRow> rows = [];
    private int tablePage;
    private string description = "";

    private string Title => Chart.Title;

    private string Unit => Chart.Unit;

    private IReadOnlyList<ChartSeries> Series => Chart.Series;

    private IReadOnlyList<ChartProjection> Projections => Chart.Projections;

    private IReadOnlyList<ChartTargetLine> TargetLines => Chart.TargetLines;

    private bool IsPercent => Chart.IsPercent;

    private string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    protected override void OnParametersSet()
    {
        isEmpty = Series.All(s => s.Points.Count == 0);
        if (isEmpty)
        {
            return;
        }

        (yLow, yHigh) = YDomain();
        (xLow, xHigh) = XDomain();
        yTicks = [.. ChartScale.NiceTicks(yLow, yHigh).Where(t => t >= yLow && t <= yHigh).Select(t => new Tick(0, WithUnit(t, compact: true), t))];

        // The left margin grows with the longest y label so large indicator values are never cut off.
        left = 12 + (7 * Math.Max(4, yTicks.Max(t => t.Label.Length)));
        right = Width - 16;
        top = 24;
        bottom = Height - 32;
        yTicks = [.. yTicks.Select(t => t with { Position = Y(t.Value) })];

        var (dates, yearly) = ChartScale.DateTicks(xLow, xHigh, Math.Max(2, (int)((right - left) / 60)));
        var format = yearly ? "yyyy" : "MMM yyyy";
        xTicks = [.. dates.Select(d => new Tick(X(d), d.ToString(format, CultureInfo.InvariantCulture), 0))];

        seriesViews = [.. Series.Select((s, i) => BuildSeries(s, i))];
        projectionViews = [.. Projections.Select((p, i) => new ProjectionView(
            i, p.Label, ChartStyle.Colour(ChartStyle.Europe), $"M{Point(p.From)} L{Point(p.To)}",
            $"{p.Label}: {WithUnit(p.To.Value)} projected for {Iso(p.To.Date)}",
            p.Fan is { } fan ? "M" + string.Join(" L", fan.Corners.Select(Point)) + " Z" : null,
            p.Fan is { } f ? $"{p.Label} from the range's ends: {WithUnit(f.PessimisticTo.Value)} (pessimistic) to {WithUnit(f.OptimisticTo.Value)} (optimistic)" : null))];
        targetViews = [.. TargetLines.Select((t, i) => new TargetView(
            i, $"{t.Name}: {WithUnit(t.Value)}", $"{t.Name}: {WithUnit(t.Value)} by {Iso(t.Deadline)}", Y(t.Value),
            t.Deadline >= xLow && t.Deadline <= xHigh ? X(t.Deadline) : null, t.Value >= yLow && t.Value <= yHigh))];

        rows = [.. Series.SelectMany(s => s.Points.OrderBy(p => p.Date).Select(p => new TableRow(s.Name, Iso(p.Date), ValueText(p))))];
        rows.AddRange(Projections.Select(p => new TableRow($"{p.Label} (projected)", Iso(p.To.Date),
            ChartScale.Format(p.To.Value) + (p.Fan is { } fan ? $" (range ends {ChartScale.Format(fan.PessimisticTo.Value)} to {ChartScale.Format(fan.OptimisticTo.Value)})" : ""))));
        rows.AddRange(TargetLines.Select(t => new TableRow($"{t.Name} (target)", Iso(t.Deadline), ChartScale.Format(t.Value))));
        tablePage = Math.Min(tablePage, (rows.Count - 1) / TableRows);
        description = $"{Chart.Subtitle}. {Describe()}";
    }

    private (decimal Min, decimal Max) YDomain()
    {
        var values = Series.SelectMany(s => s.Points.SelectMany(p => new[] { p.LowEnd, p.HighEnd }))
            .Concat(Projections.SelectMany(p => new[] { p.From.Value, p.To.Value }))
            .Concat(Projections.SelectMany(p => p.Fan?.Corners.Select(c => c.Value) ?? []))
            .Concat(TargetLines.Select(t => t.Value))
            .ToList();

        // Shares are percentages of a whole: the full 0..100 scale keeps charts of different areas comparable.
        var min = YMin ?? (IsPercent ? Math.Min(0, values.Min()) : values.Min());
        var max = YMax ?? (IsPercent ? Math.Max(100, values.Max()) : values.Max());
        var ticks = ChartScale.NiceTicks(min, max);
        return (YMin ?? ticks[0], YMax ?? ticks[^1]);
    }

    private (DateOnly Min, DateOnly Max) XDomain()
    {
        var dates = Series.SelectMany(s => s.Points.Select(p => p.Date))
            .Concat(Projections.SelectMany(p => new[] { p.From.Date, p.To.Date }))
            .Concat(TargetLines.Select(t => t.Deadline))
            .ToList();
        var min = XMin ?? dates.Min();
        var max = XMax ?? dates.Max();

        // One date alone has no width: show the half year either side so the marker sits mid-chart.
        return max > min ? (min, max) : (min.AddMonths(-6), min.AddMonths(6));
    }

    private SeriesView BuildSeries(ChartSeries series, int index)
    {
        // At most two points per pixel of plot width, peaks kept: a long history draws no more than a short one.
        var points = Lttb.ForWidth([.. series.Points.OrderBy(p => p.Date)], (int)Math.Ceiling(right - left));

        // A line needs two points; a single observation is shown as its marker alone.
        var line = points.Count < 2 ? null : "M" + string.Join(" L", points.Select(Point));

        // The range as a band: along the high ends, back along the low ends (a lone point's range is a bar).
        string? band = null;
        if (points.Any(p => p.HasRange))
        {
            var upper = points.Select(p => $"{C(X(p.Date))} {C(Y(p.HighEnd))}");
            var lower = points.AsEnumerable().Reverse().Select(p => $"{C(X(p.Date))} {C(Y(p.LowEnd))}");
            band = points.Count == 1
                ? $"M{C(X(points[0].Date) - 3)} {C(Y(points[0].HighEnd))} h6 V{C(Y(points[0].LowEnd))} h-6 Z"
                : "M" + string.Join(" L", upper.Concat(lower)) + " Z";
        }

        // A marker (with its tooltip) at most every 6 pixels, chosen the same way so peaks keep theirs:
        // denser markers only overlap, and each costs the page about 200 bytes (issue 10's bound on
        // bytes); the line keeps two points per pixel and the paged table under the chart lists every figure.
        var markers = Lttb.ForWidth(points, (int)Math.Ceiling((right - left) / 12)).Select(p => new Marker(
            MarkerPath(ChartStyle.Marker(series.Style), X(p.Date), Y(p.Value)),
            $"{series.Name}, {Iso(p.Date)}: {WithUnit(p.Value)}{(p.HasRange ? $" (range {WithUnit(p.LowEnd)} to {WithUnit(p.HighEnd)})" : "")}")).ToList();
        return new SeriesView(index, series.Name, ChartStyle.Colour(series.Style), ChartStyle.Marker(series.Style), line, markers, band);
    }

    /// <summary>The SVG path of a marker shape, so series stay apart in greyscale and for colour-blind readers.</summary>
    internal static string MarkerPath(MarkerKind kind, double x, double y, double r = MarkerRadius)
    {
        return kind switch
        {
            MarkerKind.Circle => $"M{C(x - r)} {C(y)} a{C(r)} {C(r)} 0 1 0 {C(2 * r)} 0 a{C(r)} {C(r)} 0 1 0 {C(-2 * r)} 0 Z",
            MarkerKind.Square => $"M{C(x - r)} {C(y - r)} h{C(2 * r)} v{C(2 * r)} h{C(-2 * r)} Z",
            MarkerKind.TriangleUp => $"M{C(x)} {C(y - r - 1)} L{C(x + r + 1)} {C(y + r)} L{C(x - r - 1)} {C(y + r)} Z",
            MarkerKind.Diamond => $"M{C(x)} {C(y - r - 1)} L{C(x + r + 1)} {C(y)} L{C(x)} {C(y + r + 1)} L{C(x - r - 1)} {C(y)} Z",
            MarkerKind.TriangleDown => $"M{C(x)} {C(y + r + 1)} L{C(x + r + 1)} {C(y - r)} L{C(x - r - 1)} {C(y - r)} Z",
            _ => $"M{C(x - r)} {C(y - r)} L{C(x + r)} {C(y + r)} M{C(x + r)} {C(y - r)} L{C(x - r)} {C(y + r)}",
        };
    }

    private string Describe()
    {
        var text = new StringBuilder();
        foreach (var series in Series)
        {
            var points = series.Points.OrderBy(p => p.Date).ToList();
            text.Append(points.Count switch
            {
                0 => $"{series.Name}: no data. ",
                1 => $"{series.Name}: {WithUnit(points[0].Value)} on {Iso(points[0].Date)}. ",
                _ => $"{series.Name}: from {WithUnit(points[0].Value)} on {Iso(points[0].Date)} to {WithUnit(points[^1].Value)} on {Iso(points[^1].Date)}. ",
            });
        }

        foreach (var projection in Projections)
        {
            text.Append(CultureInfo.InvariantCulture, $"{projection.Label}: projected {WithUnit(projection.To.Value)} on {Iso(projection.To.Date)}. ");
        }

        foreach (var target in TargetLines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{target.Name}: {WithUnit(target.Value)} by {Iso(target.Deadline)}. ");
        }

        return text.ToString().TrimEnd();
    }

    private double Y(decimal value) => ChartScale.ValueToY(value, yLow, yHigh, top, bottom);

    private double X(DateOnly date) => ChartScale.DateToX(date, xLow, xHigh, left, right);

    private string Point(ChartPoint p) => $"{ChartScale.Coord(X(p.Date))} {ChartScale.Coord(Y(p.Value))}";

    private string WithUnit(decimal value, bool compact = false) =>
        IsPercent || Unit.Length == 0 || compact
            ? ChartScale.Format(value, grouped: true) + (IsPercent ? "%" : "")
            : $"{ChartScale.Format(value, grouped: true)} {Unit}";

    private static string Iso(DateOnly date) => Formats.Date(date);

    private static string C(double value) => ChartScale.Coord(value);

    private sealed record Tick(double Position, string Label, decimal Value);

    private sealed record Marker(string Path, string Tooltip);

    private sealed record SeriesView(int Index, string Name, string Colour, MarkerKind Shape, string? LinePath, IReadOnlyList<Marker> Markers, string? BandPath);

    private sealed record ProjectionView(int Index, string Label, string Colour, string Path, string Tooltip, string? FanPath, string? FanTooltip);

    private static string ValueText(ChartPoint p) =>
        ChartScale.Format(p.Value) + (p.HasRange ? $" (range {ChartScale.Format(p.LowEnd)} to {ChartScale.Format(p.HighEnd)})" : "");

    private sealed record TargetView(int Index, string Text, string LegendText, double Y, double? DeadlineX, bool InRange);

    private sealed record TableRow(string Series, string Date, string Value);
}

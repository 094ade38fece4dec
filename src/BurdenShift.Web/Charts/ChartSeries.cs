namespace BurdenShift.Web.Charts;

/// <summary>
/// An observed series: a solid line with the colour and marker shape of <paramref name="Style"/>
/// (see <see cref="ChartStyle"/>). The style is fixed per meaning (Europe's share 0, the US's 1),
/// not per position, so a missing series never shifts the others' colours.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, int Style = ChartStyle.Europe);

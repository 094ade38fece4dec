using System.Text.Json.Serialization;

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// What a chart of a series' whole history needs, bounded whatever the length of that history
/// (docs/decisions/0012): how many rows there are, the lines to draw (every row up to
/// <see cref="HistoryReads.ExactRows"/> rows; beyond, each month's lowest and highest value) and
/// every source the rows cite with its lowest confidence, so a caption can name them all.
/// </summary>
public sealed record SeriesHistory(
    int Rows,
    bool ByMonth,
    [property: JsonIgnore] IReadOnlyList<HistoryLine> Lines,
    IReadOnlyList<CitedSource> Sources)
{
    public static SeriesHistory Empty { get; } = new(0, false, [], []);
}

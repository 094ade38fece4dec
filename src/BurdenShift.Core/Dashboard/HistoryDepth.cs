namespace BurdenShift.Core.Dashboard;

/// <summary>How much of each series a dashboard load reads besides what the figures need.</summary>
public enum HistoryDepth
{
    /// <summary>
    /// What the engine needs (docs/decisions/0012): each series' trend window and the value
    /// carried into it. Cost does not grow with history; sparklines draw this.
    /// </summary>
    TrendWindow = 0,

    /// <summary>
    /// Every observation on or before the date, figures and history computed from all of them:
    /// the reference the windowed figures are tested against. Its cost grows with history.
    /// </summary>
    Full = 1,

    /// <summary>
    /// For charts of the whole history (compare page, index chart, packs): the figures of
    /// <see cref="TrendWindow"/> and, before each series' window, every row up to
    /// <see cref="HistoryReads.ExactRows"/> rows and beyond that one point a month (the row in
    /// force at its end, with its own confidence and range), so the cost is bounded by the months
    /// of history, not its rows (docs/decisions/0012). Areas and indicators alike.
    /// </summary>
    Chart = 2,
}

namespace BurdenShift.Core.Dashboard;

/// <summary>How much of each series a dashboard load reads besides what the figures need.</summary>
public enum HistoryDepth
{
    /// <summary>
    /// What the engine needs (docs/decisions/0012): each series' trend window and the value
    /// carried into it. Cost does not grow with history; sparklines draw this.
    /// </summary>
    TrendWindow = 0,

    /// <summary>Every observation on or before the date, for charts of the whole history.</summary>
    Full = 1,
}

namespace BurdenShift.Bench;

/// <summary>What every bench mode prints beside its figures: percentiles and the machine's load.</summary>
internal static class BenchStats
{
    /// <summary>Nearest rank: the smallest value that at least <paramref name="p"/> of the sorted values do not exceed; NaN for none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    /// <summary>The load average line of /proc/loadavg (Linux), so that a figure says how busy the machine was.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}

namespace BurdenShift.Web.Charts;

/// <summary>
/// Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the first and the last
/// point and, from each of the buckets between, the point that spans the largest triangle with
/// its neighbours, so peaks and troughs survive. Charts draw at most about two points per pixel
/// of width; more cost bytes and time and show nothing more (docs/decisions/0012).
/// </summary>
public static class Lttb
{
    /// <summary>Points per pixel of width a chart draws at most.</summary>
    public const int PointsPerPixel = 2;

    /// <summary>
    /// At most <paramref name="threshold"/> of <paramref name="points"/> (which must be in x
    /// order), chosen as above; the list itself when it is short enough.
    /// </summary>
    public static IReadOnlyList<T> Downsample<T>(IReadOnlyList<T> points, int threshold, Func<T, double> x, Func<T, double> y)
    {
        if (threshold >= points.Count || points.Count <= 2)
        {
            return points;
        }

        threshold = Math.Max(threshold, 3);
        var sampled = new List<T>(threshold) { points[0] };
        var bucketSize = (double)(points.Count - 2) / (threshold - 2);
        var a = 0;
        for (var i = 0; i < threshold - 2; i++)
        {
            // The average of the next bucket is the triangle's third corner.
            var nextStart = (int)Math.Floor((i + 1) * bucketSize) + 1;
            var nextEnd = Math.Min((int)Math.Floor((i + 2) * bucketSize) + 1, points.Count);
            double avgX = 0, avgY = 0;
            for (var j = nextStart; j < nextEnd; j++)
            {
                avgX += x(points[j]);
                avgY += y(points[j]);
            }

            var n = Math.Max(nextEnd - nextStart, 1);
            avgX /= n;
            avgY /= n;

            var start = (int)Math.Floor(i * bucketSize) + 1;
            var end = (int)Math.Floor((i + 1) * bucketSize) + 1;
            double ax = x(points[a]), ay = y(points[a]);
            var best = start;
            var bestArea = -1.0;
            for (var j = start; j < end; j++)
            {
                var area = Math.Abs(((ax - avgX) * (y(points[j]) - ay)) - ((ax - x(points[j])) * (avgY - ay)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = j;
                }
            }

            sampled.Add(points[best]);
            a = best;
        }

        sampled.Add(points[^1]);
        return sampled;
    }

    /// <summary>Dated points, in date order, reduced to what <paramref name="widthPixels"/> can show.</summary>
    public static IReadOnlyList<ChartPoint> ForWidth(IReadOnlyList<ChartPoint> points, int widthPixels) =>
        Downsample(points, Math.Max(widthPixels, 2) * PointsPerPixel, p => p.Date.DayNumber, p => (double)p.Value);
}

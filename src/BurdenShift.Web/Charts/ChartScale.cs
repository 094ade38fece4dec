namespace BurdenShift.Web.Charts;

/// <summary>Pure scaling and tick maths for the SVG charts, kept apart so it can be tested by hand-worked numbers.</summary>
internal static class ChartScale
{
    // 1, 2, 2.5 and 5 times a power of ten read as round numbers; anything else looks arbitrary on an axis.
    private static readonly decimal[] NiceSteps = [1m, 2m, 2.5m, 5m, 10m];

    /// <summary>Maps <paramref name="min"/> to <paramref name="bottom"/> and <paramref name="max"/> to <paramref name="top"/> (SVG y grows downwards).</summary>
    public static double ValueToY(decimal value, decimal min, decimal max, double top, double bottom)
    {
        if (max == min)
        {
            return (top + bottom) / 2;
        }

        var fraction = (double)((value - min) / (max - min));
        return bottom - (fraction * (bottom - top));
    }

    /// <summary>Maps dates linearly by day number onto <paramref name="left"/>..<paramref name="right"/>.</summary>
    public static double DateToX(DateOnly date, DateOnly min, DateOnly max, double left, double right)
    {
        if (max == min)
        {
            return (left + right) / 2;
        }

        var fraction = (double)(date.DayNumber - min.DayNumber) / (max.DayNumber - min.DayNumber);
        return left + (fraction * (right - left));
    }

    /// <summary>
    /// Round tick values covering min..max: the smallest step of 1, 2, 2.5 or 5 times a power of ten
    /// that needs at most <paramref name="maxTicks"/> ticks. The first tick is at or below min, the last at or above max.
    /// </summary>
    public static IReadOnlyList<decimal> NiceTicks(decimal min, decimal max, int maxTicks = 6)
    {
        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max == min)
        {
            // A flat series still needs an axis: open a band around it instead of dividing by zero.
            var pad = min == 0 ? 1m : Math.Abs(min) / 10;
            (min, max) = (min - pad, max + pad);
        }

        var rough = (max - min) / Math.Max(1, maxTicks - 1);
        var magnitude = PowerOfTen((int)Math.Floor(Math.Log10((double)rough)));
        foreach (var multiple in NiceSteps)
        {
            var step = multiple * magnitude;
            var first = Math.Floor(min / step);
            var last = Math.Ceiling(max / step);
            if (last - first + 1 <= maxTicks)
            {
                var ticks = new List<decimal>();
                for (var i = first; i <= last; i++)
                {
                    ticks.Add(i * step);
                }

                return ticks;
            }
        }

        return [min, max];
    }

    /// <summary>
    /// Date ticks: 1 January of every year (thinned to every 2, 5, 10... years) when the range spans two years
    /// or more, otherwise the 1st of every month (thinned to every 2, 3 or 6 months).
    /// </summary>
    public static (IReadOnlyList<DateOnly> Ticks, bool Yearly) DateTicks(DateOnly min, DateOnly max, int maxTicks = 10)
    {
        var yearly = min.AddYears(2) <= max;
        int[] steps = yearly ? [1, 2, 5, 10, 20, 50, 100] : [1, 2, 3, 6, 12];
        foreach (var step in steps)
        {
            var ticks = new List<DateOnly>();
            var start = yearly ? new DateOnly(min.Year, 1, 1) : new DateOnly(min.Year, min.Month, 1);
            for (var d = start; d <= max; d = yearly ? d.AddYears(1) : d.AddMonths(1))
            {
                // Aligned to the step (even years, quarters) so labels land on familiar dates.
                var aligned = yearly ? d.Year % step == 0 : (d.Month - 1) % step == 0;
                if (d >= min && aligned)
                {
                    ticks.Add(d);
                }
            }

            if (ticks.Count <= maxTicks)
            {
                return (ticks, yearly);
            }
        }

        return ([min, max], yearly);
    }

    /// <summary>
    /// A value as people read it: invariant culture, at most two decimals, no trailing zeros; grouped
    /// (2,000,000) for labels, ungrouped for the data table so it copies into a spreadsheet as a number.
    /// </summary>
    public static string Format(decimal value, bool grouped = false)
    {
        var text = value.ToString(grouped ? "#,0.##" : "0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>An SVG coordinate: invariant culture so a comma locale cannot corrupt the path data.</summary>
    public static string Coord(double value)
    {
        var text = value.ToString("0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private static decimal PowerOfTen(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        for (var i = 0; i > exponent; i--)
        {
            result /= 10;
        }

        return result;
    }
}

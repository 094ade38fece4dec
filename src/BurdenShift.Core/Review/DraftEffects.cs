namespace BurdenShift.Core.Review;

/// <summary>The figures that differ between the dashboard as published and with a draft applied, in words.</summary>
public static class DraftEffects
{
    public static IReadOnlyList<string> Compare(DashboardOverview before, DashboardOverview after)
    {
        var lines = new List<string>();
        var old = before.Areas.ToDictionary(a => a.Key, StringComparer.Ordinal);
        foreach (var area in after.Areas)
        {
            if (!old.TryGetValue(area.Key, out var was))
            {
                lines.Add($"{area.Name}: new area");
                continue;
            }

            if (was.Latest?.EuropeShare != area.Latest?.EuropeShare)
            {
                lines.Add($"{area.Name} Europe share: {Number(was.Latest?.EuropeShare)} -> {Number(area.Latest?.EuropeShare)}");
            }

            var targets = was.Targets.ToDictionary(t => t.Key, StringComparer.Ordinal);
            foreach (var t in area.Targets)
            {
                lines.AddRange(Target($"{area.Name} {t.Key}", targets.GetValueOrDefault(t.Key) is { } w ? (w.Status, w.Gap) : null, (t.Status, t.Gap)));
            }
        }

        lines.AddRange(before.Areas.Where(a => after.Areas.All(b => b.Key != a.Key)).Select(a => $"{a.Name}: removed"));
        var index = before.Index.ToDictionary(i => i.Key, StringComparer.Ordinal);
        foreach (var i in after.Index)
        {
            lines.AddRange(Target($"Handover index {i.Key}", index.GetValueOrDefault(i.Key) is { } w ? (w.Status, w.Gap) : null, (i.Status, i.Gap)));
        }

        return lines;
    }

    private static IEnumerable<string> Target(string name, (TargetStatus Status, decimal? Gap)? before, (TargetStatus Status, decimal? Gap) after)
    {
        if (before is not { } b)
        {
            yield return $"{name}: new target, {after.Status.ToWire()}, gap {Number(after.Gap)}";
        }
        else if (b.Status != after.Status || Rounded(b.Gap) != Rounded(after.Gap))
        {
            var status = b.Status == after.Status ? after.Status.ToWire() : $"{b.Status.ToWire()} -> {after.Status.ToWire()}";
            yield return $"{name}: {status}, gap {Number(b.Gap)} -> {Number(after.Gap)}";
        }
    }

    private static decimal? Rounded(decimal? value) => value is { } v ? Math.Round(v, 1) : null;

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "none";
}

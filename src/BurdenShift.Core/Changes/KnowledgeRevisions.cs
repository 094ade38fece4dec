namespace BurdenShift.Core.Changes;

/// <summary>
/// What revising the record changed in an area's figures for one as-of date: its latest Europe
/// share and, per target, its status and gap, as published at two knowledge times.
/// </summary>
public sealed record AreaRevision(string AreaKey, string AreaName, decimal? EuropeBefore, decimal? EuropeAfter, IReadOnlyList<StatusMove> Targets);

/// <summary>
/// Compares the dashboard for one as-of date as published at two moments (docs/methodology.md,
/// "Knowledge time"): "what did we revise since the March brief". The figures come from the same
/// computation as every page; this only lines them up.
/// </summary>
public static class KnowledgeRevisions
{
    /// <summary>The areas whose figures differ between <paramref name="before"/> and <paramref name="after"/>, in the order of <paramref name="after"/>.</summary>
    public static IReadOnlyList<AreaRevision> Compare(IReadOnlyList<AreaSummary> before, IReadOnlyList<AreaSummary> after)
    {
        var then = before.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var keys = after.Select(a => a.Key).Concat(before.Select(a => a.Key).Where(k => !after.Any(a => a.Key == k))).ToList();
        var now = after.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var revisions = new List<AreaRevision>();
        foreach (var key in keys)
        {
            var a = then.GetValueOrDefault(key);
            var b = now.GetValueOrDefault(key);
            var name = (b ?? a)!.Name;
            var targets = (b?.Targets ?? []).Select(t => t.Key).Union((a?.Targets ?? []).Select(t => t.Key), StringComparer.Ordinal)
                .Select(t => (Before: a?.Targets.FirstOrDefault(x => x.Key == t), After: b?.Targets.FirstOrDefault(x => x.Key == t), Key: t))
                .Where(t => t.Before?.Status != t.After?.Status || t.Before?.Gap != t.After?.Gap || t.Before?.Value != t.After?.Value)
                .Select(t => new StatusMove(key, name, t.Key, t.Before?.Status ?? TargetStatus.NoData, t.After?.Status ?? TargetStatus.NoData,
                    t.Before?.Gap, t.After?.Gap))
                .ToList();
            var europeBefore = a?.Latest?.EuropeShare;
            var europeAfter = b?.Latest?.EuropeShare;
            if (targets.Count > 0 || europeBefore != europeAfter || (a is null) != (b is null))
            {
                revisions.Add(new AreaRevision(key, name, europeBefore, europeAfter, targets));
            }
        }

        return revisions;
    }
}

namespace BurdenShift.Core.Changes;

/// <summary>
/// The area statuses that moved between two dates, read from the dashboard computed for each date
/// (the shared, cached one: ADR 0012), so the report states exactly what the overview showed on
/// each date, derived areas included, and reads no history of its own. A revision entered later
/// changes the past too, which is what an analyst comparing the two dates wants to see.
/// </summary>
public static class StatusMoves
{
    public static IReadOnlyList<StatusMove> Between(DashboardOverview before, DashboardOverview after)
    {
        var earlier = before.Areas.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var moves = new List<StatusMove>();
        foreach (var area in after.Areas)
        {
            foreach (var target in area.Targets.OrderBy(t => t.Deadline))
            {
                var was = earlier.GetValueOrDefault(area.Key)?.Targets.FirstOrDefault(t => t.Key == target.Key);
                if (was is not null && was.Status != target.Status)
                {
                    moves.Add(new StatusMove(area.Key, area.Name, target.Key, was.Status, target.Status, was.Gap, target.Gap));
                }
            }
        }

        return moves;
    }
}

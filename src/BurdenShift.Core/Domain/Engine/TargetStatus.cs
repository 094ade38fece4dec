namespace BurdenShift.Core.Domain.Engine;

public enum TargetStatus
{
    NoData = 0,
    Met = 1,
    Missed = 2,
    OnTrack = 3,
    AtRisk = 4,
    OffTrack = 5,
}

public static class TargetStatusNames
{
    /// <summary>The status as the API, exports and pages spell it (<c>on-track</c>).</summary>
    public static string ToWire(this TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.Missed => "missed",
        TargetStatus.OnTrack => "on-track",
        TargetStatus.AtRisk => "at-risk",
        TargetStatus.OffTrack => "off-track",
        _ => "no-data",
    };
}

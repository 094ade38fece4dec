namespace BurdenShift.Core.Inputs;

/// <summary>
/// The length of every text column, in one place: the entity configurations declare the columns
/// with these numbers and <see cref="InputRules"/> checks typed text against them, so a value
/// that passes the checks fits the column on both providers (SQLite would store a longer one,
/// PostgreSQL refuses it with an exception).
/// </summary>
public static class ColumnLimits
{
    public const int AreaKey = 60;
    public const int AreaName = 200;
    public const int PairLabel = 200;
    public const int Description = 2000;
    public const int IndicatorKey = 80;
    public const int IndicatorName = 300;
    public const int Unit = 100;
    public const int Note = 2000;
    public const int EnteredBy = 200;
    public const int SourceKey = 80;
    public const int SourcePublisher = 300;
    public const int SourceTitle = 500;
    public const int SourceUrl = 1000;
    public const int TargetKey = 40;
    public const int TargetLabel = 200;
    public const int Rationale = 2000;
    public const int MilestoneTitle = 500;
    public const int UserName = 256;
    public const int Reason = 1000;
    public const int Summary = 500;
}

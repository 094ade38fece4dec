namespace BurdenShift.Core.Editing;

/// <summary>The kinds of rows editors add, change and delete from the area pages.</summary>
public enum FigureKind
{
    Area = 1,
    Assessment = 2,
    Observation = 3,
    Target = 4,
    Milestone = 5,
    Pair = 6,
}

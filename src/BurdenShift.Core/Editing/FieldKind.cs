namespace BurdenShift.Core.Editing;

/// <summary>What an edit form field holds, and so how the page renders it and the editor parses it.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Date,
    Number,
    Confidence,
    MilestoneStatus,
    Source,
    ShareBasis,
}

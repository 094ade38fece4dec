namespace BurdenShift.Core.Data.Versions;

/// <summary>
/// A recorded version of a row that enters a computation: its values while they were part of
/// the published record, from <see cref="PublishedFrom"/> (inclusive) to <see cref="PublishedTo"/>
/// (exclusive; null while they still are). docs/decisions/0020-knowledge-time.md.
/// </summary>
internal interface IPublishedVersion
{
    long VersionId { get; set; }

    DateTimeOffset PublishedFrom { get; set; }

    DateTimeOffset? PublishedTo { get; set; }
}

// One version type per versioned row type. Each derives from the row's class only to carry the
// same columns without listing them twice; the model unlinks the two (no inheritance mapping),
// so a column added to the row is added to its versions by the next migration.
internal sealed class CapabilityAreaVersion : CapabilityArea, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

internal sealed class ShareAssessmentVersion : ShareAssessment, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

internal sealed class IndicatorObservationVersion : IndicatorObservation, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

internal sealed class TargetVersion : Target, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

internal sealed class MilestoneVersion : Milestone, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

internal sealed class AreaCountPairVersion : AreaCountPair, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

internal sealed class SourceVersion : Source, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

internal sealed class IndicatorVersion : Indicator, IPublishedVersion
{
    public long VersionId { get; set; }

    public DateTimeOffset PublishedFrom { get; set; }

    public DateTimeOffset? PublishedTo { get; set; }
}

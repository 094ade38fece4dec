namespace BurdenShift.Core.Editing;

/// <summary>
/// The names of the edit forms' fields: what the page posts, what errors are keyed by, and what
/// the kinds' handlers read. One list, so a page and a handler cannot spell a field differently.
/// </summary>
public static class FormFields
{
    /// <summary>Errors that belong to no single field (shown at the top of the form).</summary>
    public const string General = "";

    public const string Reason = "reason";

    public const string Key = "key";
    public const string Name = "name";
    public const string Description = "description";
    public const string ShareBasis = "shareBasis";
    public const string Weight = "weight";
    public const string Basis = "basis";
    public const string EuropeIndicator = "europeIndicator";
    public const string UsIndicator = "usIndicator";

    public const string AsOf = "asOf";
    public const string EuropeShare = "europeShare";
    public const string UsShare = "usShare";
    public const string Value = "value";

    /// <summary>Optional range bounds (docs/methodology.md, "Ranges"); empty: no bound.</summary>
    public const string EuropeLow = "europeLow";
    public const string EuropeHigh = "europeHigh";
    public const string UsLow = "usLow";
    public const string UsHigh = "usHigh";
    public const string Low = "low";
    public const string High = "high";
    public const string Confidence = "confidence";
    public const string Note = "note";

    public const string Label = "label";
    public const string Deadline = "deadline";
    public const string Rationale = "rationale";

    public const string Title = "title";
    public const string Due = "due";
    public const string Status = "status";
    public const string CompletedOn = "completedOn";

    /// <summary>A registry key; or, when empty, the new source's fields below.</summary>
    public const string Source = "source";
    public const string SourcePublisher = "sourcePublisher";
    public const string SourceTitle = "sourceTitle";
    public const string SourceUrl = "sourceUrl";

    /// <summary>A new source's grade, asked only for kinds that do not grade their own confidence.</summary>
    public const string SourceConfidence = "sourceConfidence";
}

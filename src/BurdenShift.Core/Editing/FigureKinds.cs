using BurdenShift.Core.Domain;

namespace BurdenShift.Core.Editing;

/// <summary>The kinds of rows editors add, change and delete from the area pages.</summary>
public enum FigureKind
{
    Area = 1,
    Assessment = 2,
    Observation = 3,
    Target = 4,
    Milestone = 5,
}

public enum FieldKind
{
    Text,
    LongText,
    Date,
    Number,
    Confidence,
    MilestoneStatus,
    Source,
}

/// <summary>One field of an edit form. The form posts text; the editor parses and checks it.</summary>
public sealed record FieldSpec(string Name, string Label, FieldKind Type, bool Required, string? Hint = null, bool OnlyOnAdd = false);

/// <summary>A row as its edit form shows it: every value as text, and the version the editor saw.</summary>
public sealed record FigureForm(
    FigureKind Kind,
    long? Id,
    string? Token,
    string Title,
    string? AreaKey,
    string? ParentKey,
    IReadOnlyDictionary<string, string?> Values,
    bool Deleted);

/// <summary>What an editor submits: values as typed, the version they edited, and why.</summary>
public sealed record FigureSave(
    FigureKind Kind,
    long? Id,
    string? Token,
    string? ParentKey,
    IReadOnlyDictionary<string, string?> Values,
    string? Reason);

/// <summary>The stored version that made a save stale, and who stored it.</summary>
public sealed record EditConflict(FigureForm Stored, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>The outcome of a write: field errors or a conflict (nothing written), or the row's id.</summary>
public sealed record SaveResult(IReadOnlyDictionary<string, string> Errors, long? Id, EditConflict? Conflict = null)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static SaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null);

    public static SaveResult Done(long id) => new(new Dictionary<string, string>(), id);
}

public static class FigureKinds
{
    public const string SourceField = "source";
    public const string SourcePublisher = "sourcePublisher";
    public const string SourceTitle = "sourceTitle";
    public const string SourceUrl = "sourceUrl";
    public const string SourceConfidence = "sourceConfidence";

    private static readonly FieldSpec Source = new(SourceField, "Source", FieldKind.Source, true,
        "Pick one from the registry, or add a new one below.");

    public static Type EntityType(this FigureKind kind) => kind switch
    {
        FigureKind.Area => typeof(CapabilityArea),
        FigureKind.Assessment => typeof(ShareAssessment),
        FigureKind.Observation => typeof(IndicatorObservation),
        FigureKind.Target => typeof(Target),
        FigureKind.Milestone => typeof(Milestone),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static FigureKind? FromEntityType(string entityType) =>
        Enum.GetValues<FigureKind>().Where(k => k.EntityType().Name == entityType).Select(k => (FigureKind?)k).FirstOrDefault();

    /// <summary>The kind's name in URLs: <c>area</c>, <c>assessment</c>, ...</summary>
    public static string Slug(this FigureKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseSlug(string? slug, out FigureKind kind) =>
        Enum.TryParse(slug, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(slug, out _);

    public static string Noun(this FigureKind kind) => kind switch
    {
        FigureKind.Area => "capability area",
        FigureKind.Assessment => "share assessment",
        FigureKind.Observation => "indicator observation",
        FigureKind.Target => "target",
        FigureKind.Milestone => "milestone",
        _ => kind.ToString(),
    };

    /// <summary>Whether the kind grades its own confidence; for the others a new source is graded.</summary>
    public static bool HasConfidence(this FigureKind kind) => kind is FigureKind.Assessment or FigureKind.Observation;

    public static IReadOnlyList<FieldSpec> Fields(this FigureKind kind) => kind switch
    {
        FigureKind.Area =>
        [
            new("key", "Key (used in URLs and imports)", FieldKind.Text, true, "Lower-case letters, digits and dashes, e.g. space-lift.", OnlyOnAdd: true),
            new("name", "Name", FieldKind.Text, true),
            new("description", "Description", FieldKind.LongText, false),
            new("shareBasis", "What the share figures measure", FieldKind.LongText, false, "Say when the only public figures are a proxy."),
            new("weight", "Weight in the handover index", FieldKind.Number, true, "1 for an ordinary area; 0 leaves it out of the index."),
        ],
        FigureKind.Assessment =>
        [
            new("asOf", "Date the figure describes", FieldKind.Date, true),
            new("europeShare", "Europe's share, % (empty if not published)", FieldKind.Number, false),
            new("usShare", "US share, % (empty if not published)", FieldKind.Number, false),
            new("confidence", "Confidence", FieldKind.Confidence, true),
            Source,
            new("note", "Note", FieldKind.LongText, false),
        ],
        FigureKind.Observation =>
        [
            new("asOf", "Date the value describes", FieldKind.Date, true),
            new("value", "Value", FieldKind.Number, true),
            new("confidence", "Confidence", FieldKind.Confidence, true),
            Source,
            new("note", "Note", FieldKind.LongText, false),
        ],
        FigureKind.Target =>
        [
            new("key", "Key", FieldKind.Text, true, "Short and unique for the area, e.g. 2027.", OnlyOnAdd: true),
            new("label", "Label", FieldKind.Text, true),
            new("value", "Europe's share to reach, %", FieldKind.Number, true),
            new("deadline", "Deadline", FieldKind.Date, true),
            new("rationale", "Rationale", FieldKind.LongText, true, "Why this value and this date: who asked for it, in what words."),
            Source,
        ],
        FigureKind.Milestone =>
        [
            new("title", "Title", FieldKind.Text, true),
            new("due", "Due", FieldKind.Date, true),
            new("status", "Status", FieldKind.MilestoneStatus, true),
            new("completedOn", "Completed on (only when done)", FieldKind.Date, false),
            Source,
            new("note", "Note", FieldKind.LongText, false),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Readable names of the stored columns, for history lists.</summary>
    public static string ColumnLabel(string column) => column switch
    {
        "AsOf" => "date",
        "AsOfPrecision" => "date precision",
        "EuropeShare" => "Europe share",
        "UsShare" => "US share",
        "SourceId" => "source",
        "EnteredBy" => "entered by",
        "EnteredAt" => "entered at",
        "DeletedAt" => "deleted at",
        "DeletedBy" => "deleted by",
        "CompletedOn" => "completed on",
        "DuePrecision" => "due precision",
        "ShareBasis" => "share basis",
        "DisplayOrder" => "display order",
        "AreaId" => "area",
        "IndicatorId" => "indicator",
        _ => column.ToLowerInvariant(),
    };
}

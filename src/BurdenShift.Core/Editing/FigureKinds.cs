using BurdenShift.Core.Editing.Kinds;

namespace BurdenShift.Core.Editing;

/// <summary>What each kind is called and holds, as its handler declares it.</summary>
public static class FigureKinds
{
    public static Type EntityType(this FigureKind kind) => FigureHandlers.Of(kind).EntityType;

    public static FigureKind? FromEntityType(string entityType) => FigureHandlers.ForEntityType(entityType)?.Kind;

    /// <summary>The kind's name in URLs: <c>area</c>, <c>assessment</c>, ...</summary>
    public static string Slug(this FigureKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseSlug(string? slug, out FigureKind kind) =>
        Enum.TryParse(slug, ignoreCase: true, out kind) && FigureHandlers.IsRegistered(kind) && !int.TryParse(slug, out _);

    public static string Noun(this FigureKind kind) => FigureHandlers.IsRegistered(kind) ? FigureHandlers.Of(kind).Noun : kind.ToString();

    /// <summary>What a new row is added under ("area", "indicator"); null if it stands alone.</summary>
    public static string? ParentNoun(this FigureKind kind) => FigureHandlers.Of(kind).ParentNoun;

    /// <summary>Whether the kind grades its own confidence; for the others a new source is graded.</summary>
    public static bool HasConfidence(this FigureKind kind) => kind.Fields().Any(f => f.Type == FieldKind.Confidence);

    /// <summary>Whether rows of the kind cite a source.</summary>
    public static bool CitesSource(this FigureKind kind) => kind.Fields().Any(f => f.Type == FieldKind.Source);

    public static IReadOnlyList<FieldSpec> Fields(this FigureKind kind) => FigureHandlers.Of(kind).Fields;

    /// <summary>A short description of a row for audit summaries and history lists.</summary>
    public static string Describe(object row) => FigureHandlers.ForEntityType(row.GetType().Name)?.Describe(row) ?? AuditTrail.Describe(row);

    /// <summary>Readable names of the stored columns, for history lists.</summary>
    public static string ColumnLabel(string column) => column switch
    {
        "AsOf" => "date",
        "AsOfPrecision" => "date precision",
        "EuropeShare" => "Europe share",
        "UsShare" => "US share",
        "EuropeLow" => "Europe share, low end",
        "EuropeHigh" => "Europe share, high end",
        "UsLow" => "US share, low end",
        "UsHigh" => "US share, high end",
        "Low" => "low end",
        "High" => "high end",
        "SourceId" => "source",
        "EnteredBy" => "entered by",
        "EnteredAt" => "entered at",
        "DeletedAt" => "deleted at",
        "DeletedBy" => "deleted by",
        "CompletedOn" => "completed on",
        "DuePrecision" => "due precision",
        "ShareBasis" => "what the share figures measure",
        "Basis" => "share basis",
        "EuropeIndicatorId" => "Europe indicator",
        "UsIndicatorId" => "US indicator",
        "DisplayOrder" => "display order",
        "AreaId" => "area",
        "IndicatorId" => "indicator",
        _ => column.ToLowerInvariant(),
    };
}

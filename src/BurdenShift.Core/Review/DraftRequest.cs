using System.Text.Json.Serialization;

namespace BurdenShift.Core.Review;

/// <summary>
/// What a draft asks for, kept as JSON and replayed through the editor or importer when the draft
/// is published (docs/decisions/0021): a form save (kind, row id and the version edited, the form's
/// values), a deletion (kind, id, version), a revert (the audit entry) or an import (the file).
/// </summary>
public sealed record DraftRequest
{
    public const string Save = "save";
    public const string Delete = "delete";
    public const string Revert = "revert";
    public const string Import = "import";
    public const string Undo = "undo";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Action { get; init; }

    public FigureKind? Kind { get; init; }

    public long? Id { get; init; }

    /// <summary>The version of the row the author edited or deleted: a later change makes publishing a conflict.</summary>
    public string? Token { get; init; }

    public string? ParentKey { get; init; }

    public IReadOnlyDictionary<string, string?>? Values { get; init; }

    public long? AuditId { get; init; }

    /// <summary>An import's file, as base64 (CSV or XLSX bytes), and its format.</summary>
    public string? File { get; init; }

    public string? Format { get; init; }

    /// <summary>The import an undo undoes.</summary>
    public long? ChangeSetId { get; init; }

    public static DraftRequest ForSave(FigureSave save) =>
        new() { Action = Save, Kind = save.Kind, Id = save.Id, Token = save.Token, ParentKey = save.ParentKey, Values = save.Values };

    public static DraftRequest ForDelete(FigureKind kind, long id, string? token) => new() { Action = Delete, Kind = kind, Id = id, Token = token };

    public static DraftRequest ForRevert(long auditId) => new() { Action = Revert, AuditId = auditId };

    public static DraftRequest ForImport(byte[] file, string format) => new() { Action = Import, File = Convert.ToBase64String(file), Format = format };

    public static DraftRequest ForUndo(long changeSetId) => new() { Action = Undo, ChangeSetId = changeSetId };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DraftRequest FromJson(string json) => JsonSerializer.Deserialize<DraftRequest>(json, Json)
        ?? throw new InvalidOperationException("A draft's request is empty.");
}

using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BurdenShift.Core.Audit;

/// <summary>
/// Turns a tracked row into audit values and back. The values are every column an editor can
/// change, read from EF's own change tracking, so an entry records exactly what was stored and a
/// revert can write exactly that back.
/// </summary>
public static class AuditTrail
{
    public const string Insert = "insert";
    public const string Update = "update";
    public const string Delete = "delete";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The row's values (current, or as loaded when <paramref name="original"/>), without its key and concurrency token.</summary>
    public static Dictionary<string, object?> Snapshot(EntityEntry entry, bool original = false) =>
        entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsShadowProperty() && !p.Metadata.IsConcurrencyToken)
            .ToDictionary(p => p.Metadata.Name, p => Plain(original ? p.OriginalValue : p.CurrentValue), StringComparer.Ordinal);

    // PostgreSQL hands decimals back with the column's scale (38.5000): store 38.5 either way.
    private static object? Plain(object? value) => value is decimal d ? d.Normalize() : value;

    public static string Serialize(IReadOnlyDictionary<string, object?> values) => JsonSerializer.Serialize(values, Json);

    /// <summary>The values an entry holds, as text a person can read (null for "no value").</summary>
    public static Dictionary<string, string?> Read(string? json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return result;
        }

        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            };
        }

        return result;
    }

    /// <summary>Writes the named values of an entry back onto a tracked row, converted to each column's type.</summary>
    public static void Apply(EntityEntry entry, string json, IEnumerable<string> fields)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var field in fields)
        {
            if (!doc.RootElement.TryGetProperty(field, out var value) || entry.Metadata.FindProperty(field) is not { } property)
            {
                continue;
            }

            entry.Property(field).CurrentValue = value.Deserialize(property.ClrType, Json);
        }
    }

    /// <summary>The fields whose value differs between two sets of values.</summary>
    public static List<string> ChangedFields(string? oldJson, string? newJson)
    {
        var before = Read(oldJson);
        var after = Read(newJson);
        return [.. before.Keys.Union(after.Keys)
            .Where(k => !string.Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k), StringComparison.Ordinal))];
    }

    public static AuditEntry Entry(
        string action, EntityEntry row, Dictionary<string, object?>? oldValues, Dictionary<string, object?>? newValues,
        string by, DateTimeOffset at, string summary, string? reason, string? areaKey, long? changeSetId = null) => new()
        {
            At = at,
            By = by,
            Action = action,
            EntityType = row.Metadata.ClrType.Name,
            EntityId = Convert.ToString(row.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue, CultureInfo.InvariantCulture)!,
            Summary = summary.Length <= 500 ? summary : summary[..497] + "...",
            OldValues = oldValues is null ? null : Serialize(oldValues),
            NewValues = newValues is null ? null : Serialize(newValues),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            AreaKey = areaKey,
            ChangeSetId = changeSetId,
        };

    /// <summary>
    /// A short description of a row that is not one of the editable kinds (a source), for audit
    /// summaries; the kinds' handlers describe their own rows (<c>FigureKinds.Describe</c>).
    /// </summary>
    public static string Describe(object entity) => entity switch
    {
        Source s => $"Source {s.Publisher}: {s.Title}",
        _ => entity.GetType().Name,
    };
}

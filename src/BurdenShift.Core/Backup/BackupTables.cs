using System.Reflection;
using BurdenShift.Core.Data.DayPoints;
using BurdenShift.Core.Data.MonthSummaries;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BurdenShift.Core.Backup;

/// <summary>
/// Which tables a backup holds, in what order, and how a row becomes a line of JSON and back.
/// Driven by the EF model, so a column added by a migration is backed up without touching this
/// code; values are written in their portable form (dates ISO 8601, decimals as JSON numbers,
/// enums as the lower-case words the database stores) so an archive from one provider loads
/// into the other.
/// </summary>
internal static class BackupTables
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The tables to back up, parents before children so a restore can insert them in this order.
    /// DatasetInfo comes last: saving figures bumps its data version, and it must end up as archived.
    /// Data-protection keys are never included (a restored app makes its own; users sign in again),
    /// nor the month summaries and day points, which the database's triggers rebuild as the figures are restored.
    /// </summary>
    public static IReadOnlyList<IEntityType> Ordered(IModel model, bool includeAccounts)
    {
        var types = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(DataProtectionKey))
            .Where(t => !MonthSummaryConfiguration.Types.Contains(t.ClrType) && !DayPointConfiguration.Types.Contains(t.ClrType))
            .Where(t => includeAccounts || !IsAccountTable(t))
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var next = types.First(t => !placed.Contains(t) && t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType) || !types.Contains(fk.PrincipalEntityType)));
            ordered.Add(next);
            placed.Add(next);
        }

        return [.. ordered.Where(t => t.ClrType != typeof(DatasetInfo)), .. ordered.Where(t => t.ClrType == typeof(DatasetInfo))];
    }

    public static bool IsAccountTable(IEntityType type) =>
        type.ClrType == typeof(BurdenShiftUser) || type.ClrType.Namespace == "Microsoft.AspNetCore.Identity";

    /// <summary>
    /// The columns of a table as the archive names them. The row-version column is left out: it is
    /// the provider's own (xmin, or a revision counter) and starts afresh in the restored database.
    /// </summary>
    public static IReadOnlyList<IProperty> Columns(IEntityType type, string rowVersionProperty)
    {
        var columns = type.GetProperties().Where(p => p.Name != rowVersionProperty).ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            // A shadow column has no CLR property to read it through: back it up would need code here.
            throw new InvalidOperationException($"{type.GetTableName()}.{shadow.Name} is a shadow property the backup does not know.");
        }

        return columns;
    }

    public static string ColumnName(IProperty property) => property.GetColumnName();

    public static void WriteRow(Utf8JsonWriter writer, object entity, IReadOnlyList<IProperty> columns)
    {
        writer.WriteStartObject();
        foreach (var property in columns)
        {
            writer.WritePropertyName(ColumnName(property));
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is not null && (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum)
            {
                // Enums are stored as words on both providers: archive the word, not the CLR name.
                value = property.GetTypeMapping().Converter!.ConvertToProvider(value);
            }

            JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object), Json);
        }

        writer.WriteEndObject();
    }

    public static object ReadRow(JsonElement row, IEntityType type, IReadOnlyList<IProperty> columns)
    {
        var entity = Activator.CreateInstance(type.ClrType)
            ?? throw new InvalidOperationException($"Cannot create a {type.ClrType.Name}.");
        var known = columns.ToDictionary(ColumnName, StringComparer.Ordinal);
        foreach (var field in row.EnumerateObject())
        {
            if (!known.TryGetValue(field.Name, out var property))
            {
                throw new BackupRefusedException($"The archive's {type.GetTableName()} has a column '{field.Name}' this build does not know: restore it with the build that wrote it or a newer one.");
            }

            object? value;
            var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (field.Value.ValueKind == JsonValueKind.Null)
            {
                value = null;
            }
            else if (clr.IsEnum)
            {
                value = property.GetTypeMapping().Converter!.ConvertFromProvider(field.Value.GetString());
            }
            else
            {
                value = field.Value.Deserialize(clr, Json);
            }

            Set(entity, property, value);
        }

        return entity;
    }

    private static void Set(object entity, IProperty property, object? value)
    {
        switch (property.GetMemberInfo(forMaterialization: true, forSet: true))
        {
            case PropertyInfo p:
                p.SetValue(entity, value);
                break;
            case FieldInfo f:
                f.SetValue(entity, value);
                break;
        }
    }

    /// <summary>Every row of a table, deleted ones included, in primary-key order, streamed.</summary>
    public static IAsyncEnumerable<object> ReadAllAsync(DbContext db, IEntityType type)
    {
        var method = typeof(BackupTables).GetMethod(nameof(ReadAll), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.ClrType);
        return (IAsyncEnumerable<object>)method.Invoke(null, [db, type])!;
    }

    private static async IAsyncEnumerable<object> ReadAll<T>(DbContext db, IEntityType type)
        where T : class
    {
        IQueryable<T> query = db.Set<T>().IgnoreQueryFilters().AsNoTracking();
        var first = true;
        foreach (var key in type.FindPrimaryKey()!.Properties)
        {
            var row = Expression.Parameter(typeof(T), "row");
            var lambda = Expression.Lambda(Expression.Property(row, key.PropertyInfo!), row);
            var call = Expression.Call(typeof(Queryable), first ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy),
                [typeof(T), key.ClrType], query.Expression, Expression.Quote(lambda));
            query = query.Provider.CreateQuery<T>(call);
            first = false;
        }

        await foreach (var entity in query.AsAsyncEnumerable())
        {
            yield return entity;
        }
    }

    /// <summary>Whether a table holds any row at all, deleted ones included.</summary>
    public static async Task<bool> AnyAsync(DbContext db, IEntityType type, CancellationToken ct)
    {
        var method = typeof(BackupTables).GetMethod(nameof(Any), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.ClrType);
        return await (Task<bool>)method.Invoke(null, [db, ct])!;
    }

    private static Task<bool> Any<T>(DbContext db, CancellationToken ct)
        where T : class => db.Set<T>().IgnoreQueryFilters().AnyAsync(ct);
}

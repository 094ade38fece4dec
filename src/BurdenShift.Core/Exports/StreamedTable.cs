namespace BurdenShift.Core.Exports;

/// <summary>
/// A table whose rows come one at a time, as the database sends them: a full-history export
/// writes each row and keeps none, so its memory does not grow with history (docs/decisions/0012).
/// </summary>
public sealed record StreamedTable(string Name, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows)
{
    public static StreamedTable Of(ExportTable table) => new(table.Name, table.Columns, table.Rows.ToAsyncEnumerable());
}

namespace BurdenShift.Core.Exports;

/// <summary>How a column's cells are written: text, a number or a date (typed cells in XLSX).</summary>
public enum ExportColumnKind
{
    Text = 0,
    Number = 1,
    Date = 2,
}

/// <summary>A column of an exported table: its header (snake_case, like the import format) and kind.</summary>
public sealed record ExportColumn(string Header, ExportColumnKind Kind);

/// <summary>
/// One table as exported: a header row and rows of cells. A cell is a <see cref="string"/>, a
/// <see cref="decimal"/>, an <see cref="int"/>, a <see cref="DateOnly"/> or null; null is an empty
/// cell, which is how "no public figure" is written (never 0).
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>A workbook: its tables (one sheet each), the sources they cite and the data's stamp.</summary>
public sealed record ExportWorkbook(
    string Title,
    DateOnly AsOf,
    bool Illustrative,
    IReadOnlyList<ExportTable> Tables,
    IReadOnlyList<SourceRef> Sources);

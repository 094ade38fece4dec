using System.Globalization;
using BurdenShift.Core.Domain;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BurdenShift.Core.Exports;

/// <summary>
/// Writes a workbook with the Open XML SDK: one sheet per table (bold, frozen header row, column
/// widths from the content), numbers as numeric cells, dates as date cells shown YYYY-MM-DD, text
/// as inline strings (neutralised against formulas all the same), and a last sheet "Sources" with
/// every source cited: key, publisher, title, URL and confidence. No cell is ever a formula.
/// </summary>
public static class XlsxExport
{
    public const string SourcesSheet = "Sources";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateFormatId = 164;

    public static byte[] Write(ExportWorkbook workbook)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = workbook.Title + (workbook.Illustrative ? " (ILLUSTRATIVE)" : "");
            document.PackageProperties.Creator = "BurdenShift";
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());

            var tables = workbook.Tables.Append(SourcesTable(workbook)).ToList();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint sheetId = 1;
            foreach (var table in tables)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(table);
                sheets.Append(new Sheet { Name = SheetName(table.Name, names), SheetId = sheetId++, Id = workbookPart.GetIdOfPart(part) });
            }
        }

        return stream.ToArray();
    }

    private static ExportTable SourcesTable(ExportWorkbook workbook)
    {
        var rows = workbook.Sources
            .DistinctBy(s => s.Key)
            .OrderBy(s => s.Publisher, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (IReadOnlyList<object?>)[s.Key, s.Publisher, s.Title, s.Url, s.Confidence.ToWire()])
            .ToList();
        if (workbook.Illustrative)
        {
            rows.Add([null, null, null, null, null]);
            rows.Add(["ILLUSTRATIVE", "The illustrative dataset is loaded: these figures are invented for demonstration, not drawn from published sources.", null, null, null]);
        }

        return new ExportTable(SourcesSheet,
            [
                new("source_key", ExportColumnKind.Text), new("publisher", ExportColumnKind.Text), new("title", ExportColumnKind.Text),
                new("url", ExportColumnKind.Text), new("confidence", ExportColumnKind.Text),
            ],
            rows);
    }

    private static Worksheet Worksheet(ExportTable table)
    {
        var data = new SheetData();
        data.Append(Row(1, table.Columns.Select(c => (object?)c.Header).ToList(), table.Columns, header: true));
        uint r = 2;
        foreach (var row in table.Rows)
        {
            data.Append(Row(r++, row, table.Columns, header: false));
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new("A2")]) });

        var columns = new Columns();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(table, i), CustomWidth = true });
        }

        var sheet = new Worksheet(new SheetViews(view));
        if (table.Columns.Count > 0)
        {
            sheet.Append(columns);
        }

        sheet.Append(data);
        return sheet;
    }

    private static Row Row(uint index, IReadOnlyList<object?> cells, IReadOnlyList<ExportColumn> columns, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            if (Cell(cells[i], ColumnName(i) + index.ToString(CultureInfo.InvariantCulture), header) is { } cell)
            {
                row.Append(cell);
            }
        }

        return row;
    }

    private static Cell? Cell(object? value, string reference, bool header)
    {
        var cell = new Cell { CellReference = reference };
        if (header)
        {
            cell.StyleIndex = HeaderStyle;
        }

        switch (value)
        {
            case null:
                return header ? cell : null;
            case decimal d:
                cell.CellValue = new CellValue(((double)d).ToString("R", CultureInfo.InvariantCulture));
                return cell;
            case int i:
                cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                return cell;
            case DateOnly date:
                cell.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                cell.StyleIndex = DateStyle;
                return cell;
            case bool b:
                return Text(cell, b ? "true" : "false");
            case string s:
                return Text(cell, s);
            default:
                throw new ArgumentException($"A cell of type {value.GetType().Name} cannot be exported.", nameof(value));
        }
    }

    private static Cell Text(Cell cell, string text)
    {
        var safe = SpreadsheetText.XmlSafe(SpreadsheetText.Neutralise(text));
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(safe) { Space = SpaceProcessingModeValues.Preserve });
        return cell;
    }

    private static double Width(ExportTable table, int column)
    {
        var kind = table.Columns[column].Kind;
        var longest = table.Columns[column].Header.Length;
        foreach (var row in table.Rows)
        {
            var length = column < row.Count ? row[column] switch
            {
                null => 0,
                DateOnly => 10,
                decimal d => Math.Min(((double)d).ToString("R", CultureInfo.InvariantCulture).Length, 14),
                string s => s.Length,
                var other => other.ToString()?.Length ?? 0,
            } : 0;
            longest = Math.Max(longest, length);
        }

        var width = kind == ExportColumnKind.Date ? Math.Max(longest, 11) : longest;
        return Math.Clamp(width + 2, 8, 60);
    }

    /// <summary>A, B, ..., Z, AA, AB, ... for a zero-based column index.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel allows 31 characters, no []:*?/\ and unique names (ignoring case).</summary>
    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c)]).Trim('\'');
        clean = clean.Length == 0 ? "Sheet" : clean.Length > 31 ? clean[..31] : clean;
        var candidate = clean;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}

using System.IO.Compression;
using System.Security;
using System.Text;
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

    /// <summary>
    /// Writes a workbook whose tables may be long (a full history) to <paramref name="output"/>
    /// row by row as the rows arrive, so memory does not grow with them: the ZIP archive is
    /// written in its streaming mode and each sheet with the SDK's streaming writer (the SDK's own
    /// package keeps every part in memory until it is closed). Column widths come from the header
    /// and the first rows. The sources sheet comes last, as in <see cref="Write"/>.
    /// </summary>
    public static async Task WriteAsync(Stream output, ExportWorkbook workbook, IReadOnlyList<StreamedTable> tables, CancellationToken ct = default)
    {
        var all = tables.Append(StreamedTable.Of(SourcesTable(workbook))).ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheetNames = all.Select(t => SheetName(t.Name, names)).ToList();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", ContentTypes(all.Count));
        Part(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
            """);
        var title = SecurityElement.Escape(SpreadsheetText.XmlSafe(workbook.Title + (workbook.Illustrative ? " (ILLUSTRATIVE)" : "")));
        Part(zip, "docProps/core.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>BurdenShift</dc:creator></cp:coreProperties>
            """);
        var sheets = new Sheets(all.Select((t, i) => new Sheet { Name = sheetNames[i], SheetId = (uint)i + 1, Id = $"rId{i + 1}" }));
        Part(zip, "xl/workbook.xml", new Workbook(sheets).OuterXml);
        Part(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(all.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
            + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
        Part(zip, "xl/styles.xml", Stylesheet().OuterXml);
        for (var i = 0; i < all.Count; i++)
        {
            await using var sheet = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Fastest).Open();
            await WriteSheetAsync(sheet, all[i], ct);
        }
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static string ContentTypes(int sheets) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + string.Concat(Enumerable.Range(1, sheets).Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        + "</Types>";

    private const int RowsForWidths = 200;

    private static async Task WriteSheetAsync(Stream output, StreamedTable table, CancellationToken ct)
    {
        await using var rows = table.Rows.GetAsyncEnumerator(ct);
        var first = new List<IReadOnlyList<object?>>();
        var more = true;
        while (first.Count < RowsForWidths && (more = await rows.MoveNextAsync()))
        {
            first.Add(rows.Current);
        }

        using var writer = OpenXmlWriter.Create(output, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(SheetViews());
        if (table.Columns.Count > 0)
        {
            writer.WriteElement(Columns(new ExportTable(table.Name, table.Columns, first)));
        }

        writer.WriteStartElement(new SheetData());
        writer.WriteElement(Row(1, [.. table.Columns.Select(c => (object?)c.Header)], table.Columns, header: true));
        uint r = 2;
        foreach (var row in first)
        {
            writer.WriteElement(Row(r++, row, table.Columns, header: false));
        }

        while (more && await rows.MoveNextAsync())
        {
            writer.WriteElement(Row(r++, rows.Current, table.Columns, header: false));
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
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

        var columns = Columns(table);
        var sheet = new Worksheet(SheetViews());
        if (table.Columns.Count > 0)
        {
            sheet.Append(columns);
        }

        sheet.Append(data);
        return sheet;
    }

    // The header row stays in view when scrolling.
    private static SheetViews SheetViews()
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new("A2")]) });
        return new SheetViews(view);
    }

    private static Columns Columns(ExportTable table)
    {
        var columns = new Columns();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(table, i), CustomWidth = true });
        }

        return columns;
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

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BurdenShift.UnitTests.Exports;

/// <summary>One cell as the Open XML SDK finds it in a produced workbook.</summary>
internal sealed record SheetCell(string Reference, CellValues? Type, string Text, uint? Style, bool HasFormula)
{
    public double Number => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>Opens a produced .xlsx with the Open XML SDK: sheets by name, rows of cells keyed by column letter.</summary>
internal sealed class SpreadsheetReader : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public SpreadsheetReader(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    public WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => [.. Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public Worksheet Worksheet(string name) =>
        ((WorksheetPart)Workbook.GetPartById(Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!)).Worksheet;

    /// <summary>Every row of a sheet (header first), each cell by its column letters.</summary>
    public List<Dictionary<string, SheetCell>> Rows(string sheet) =>
        [.. Worksheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToDictionary(
            c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]),
            c => new SheetCell(c.CellReference!.Value!, c.DataType?.Value,
                c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "",
                c.StyleIndex?.Value, c.CellFormula is not null)))];

    /// <summary>Rows as header name → cell, for tables written with a header row.</summary>
    public List<Dictionary<string, SheetCell>> Table(string sheet)
    {
        var rows = Rows(sheet);
        var header = rows[0].ToDictionary(kv => kv.Key, kv => kv.Value.Text);
        return [.. rows.Skip(1).Select(r => r.ToDictionary(kv => header[kv.Key], kv => kv.Value))];
    }

    /// <summary>The number format code a cell's style shows it with.</summary>
    public string FormatCode(uint? style)
    {
        var stylesheet = Workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(style ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? $"builtin:{id}";
    }

    public void Dispose() => _document.Dispose();
}

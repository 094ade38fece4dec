using BurdenShift.Core.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BurdenShift.IntegrationTests.Exports;

/// <summary>
/// Reads what the exports produce the way a user's tools would (the CSV parser, the Open XML SDK)
/// and compares it with the read API's JSON for the same as-of date.
/// </summary>
internal static class ExportReading
{
    /// <summary>CSV rows as header → field.</summary>
    public static List<Dictionary<string, string>> Csv(string text)
    {
        var records = CsvRecords.Parse(text);
        var header = records[0].Fields;
        return [.. records.Skip(1).Select(r => header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>One XLSX sheet's rows as header → cell (absent when the cell is empty).</summary>
    public static List<Dictionary<string, Cell>> Sheet(SpreadsheetDocument document, string name)
    {
        var wb = document.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var rows = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        static string Column(Cell c) => new([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]);
        var header = rows[0].Elements<Cell>().ToDictionary(Column, c => c.InnerText);
        return [.. rows.Skip(1).Select(r => r.Elements<Cell>().ToDictionary(c => header[Column(c)]))];
    }

    public static List<string> SheetNames(SpreadsheetDocument document) =>
        [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    /// <summary>A JSON value by a dotted path ("latest.source.key"); a null on the way gives null.</summary>
    public static JsonElement? At(JsonElement element, string path)
    {
        var current = element;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A CSV field holds exactly the API's value: the same number, date, text or "true"/"false"; empty for null.</summary>
    public static void AssertCsvField(JsonElement? expected, string actual, string what)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual.Length == 0, $"{what}: expected an empty cell, got '{actual}'");
                break;
            case { ValueKind: JsonValueKind.Number } n:
                Assert.True(decimal.TryParse(actual, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value),
                    $"{what}: '{actual}' is not a plain number");
                Assert.True(n.GetDecimal() == value, $"{what}: API {n.GetDecimal()}, CSV {actual}");
                break;
            case { ValueKind: JsonValueKind.True or JsonValueKind.False } b:
                Assert.Equal(b.GetBoolean() ? "true" : "false", actual);
                break;
            case { ValueKind: JsonValueKind.Array } a:
                Assert.Equal(string.Join(' ', a.EnumerateArray().Select(e => e.GetString())), actual);
                break;
            case { } s:
                // Text is the API's, neutralised against formula injection (a note may begin with '=').
                Assert.True(SpreadsheetText.Neutralise(s.GetString()!) == actual, $"{what}: API '{s.GetString()}', CSV '{actual}'");
                break;
        }
    }

    /// <summary>An XLSX cell holds the API's value as a typed cell: numeric, a date cell, or text.</summary>
    public static void AssertXlsxCell(JsonElement? expected, Cell? actual, bool isDate, string what)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: expected an empty cell, got '{actual?.InnerText}'");
            return;
        }

        Assert.True(actual is not null, $"{what}: the cell is empty, the API says {expected}");
        var e = expected.Value;
        if (e.ValueKind == JsonValueKind.Number)
        {
            Assert.True(actual.DataType is null, $"{what}: not a numeric cell");
            Assert.Equal((double)e.GetDecimal(), double.Parse(actual.CellValue!.Text, CultureInfo.InvariantCulture));
        }
        else if (isDate)
        {
            Assert.True(actual.DataType is null && actual.StyleIndex is not null, $"{what}: not a date cell");
            Assert.Equal(e.GetString(), DateTime.FromOADate(double.Parse(actual.CellValue!.Text, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            Assert.Equal(e.GetBoolean() ? "true" : "false", actual.InnerText);
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            Assert.Equal(string.Join(' ', e.EnumerateArray().Select(x => x.GetString())), actual.InnerText);
        }
        else
        {
            Assert.Equal(CellValues.InlineString, actual.DataType?.Value);
            Assert.Equal(SpreadsheetText.Neutralise(e.GetString()!), actual.InnerText);
        }
    }
}

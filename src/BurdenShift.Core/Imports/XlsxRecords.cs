using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BurdenShift.Core.Imports;

/// <summary>The file is not an .xlsx workbook this reader can read; the message says so for the editor.</summary>
public sealed class XlsxReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the first worksheet of an .xlsx workbook into the records <see cref="CsvRecords.Parse"/>
/// gives, so an import of a spreadsheet goes through exactly the checks of a CSV import. Each
/// record's line is the spreadsheet's row number. Numbers come back as invariant text without
/// binary noise (38.5 reads "38.5"), dates (date-formatted numbers, date cells, ISO date-times at
/// midnight) as YYYY-MM-DD, shared and inline strings as their text, empty cells as "". Every row
/// has at least as many fields as the header row, so trailing empty cells Excel leaves out still count.
/// </summary>
public static partial class XlsxRecords
{
    public const string NotAWorkbook = "The file is not a readable .xlsx workbook: save it from the spreadsheet program as Excel Workbook (.xlsx) or as CSV UTF-8, and try again.";

    /// <summary>The most characters one part (a sheet, the shared strings) may hold: a guard against zip bombs, far above any real import.</summary>
    public const long MaxCharactersInPart = 20_000_000;

    /// <summary>
    /// The widest sheet read: the import has at most eight columns, and a cell far to the right
    /// (column AAAAAA) would otherwise make every row that wide in memory.
    /// </summary>
    public const int MaxColumns = 64;

    /// <summary>The most rows read (rows with content; Excel's own limit is 1,048,576).</summary>
    public const int MaxRows = 100_000;

    /// <summary>The longest cell text read; longer ones are refused (the longest column takes 2,000).</summary>
    public const int MaxCellCharacters = 32_767;

    /// <exception cref="XlsxReadException">The bytes are not a readable workbook, or it has no worksheet.</exception>
    public static List<CsvRecord> Read(Stream file) => Read(file, MaxCharactersInPart);

    internal static List<CsvRecord> Read(Stream file, long maxCharactersInPart)
    {
        Stream seekable = file;
        if (!file.CanSeek)
        {
            var copy = new MemoryStream();
            file.CopyTo(copy);
            copy.Position = 0;
            seekable = copy;
        }

        try
        {
            using var document = SpreadsheetDocument.Open(seekable, isEditable: false, new OpenSettings { MaxCharactersInPart = maxCharactersInPart });
            return ReadFirstSheet(document);
        }
        catch (XlsxReadException)
        {
            throw;
        }
        catch (System.Xml.XmlException ex) when (ex.Message.Contains("MaxCharacters", StringComparison.OrdinalIgnoreCase))
        {
            throw new XlsxReadException($"The workbook is too large to import: one of its parts holds more than {maxCharactersInPart:N0} characters. Split the rows into several files.", ex);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException
                                       or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            throw new XlsxReadException(NotAWorkbook, ex);
        }
        finally
        {
            if (!ReferenceEquals(seekable, file))
            {
                seekable.Dispose();
            }
        }
    }

    private static List<CsvRecord> ReadFirstSheet(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw new XlsxReadException(NotAWorkbook);
        var first = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new XlsxReadException("The workbook has no worksheet: put the rows on its first sheet.");
        if (first.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart sheetPart)
        {
            throw new XlsxReadException("The workbook's first sheet is not a worksheet (a chart sheet?): put the rows on a worksheet.");
        }

        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(StringItemText).ToList() ?? [];
        var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
        var rows = new List<(int Line, SortedDictionary<int, string> Cells)>();
        var nextRow = 1;
        foreach (var row in Rows(sheetPart))
        {
            if (row.RowIndex?.Value is > 1_048_576)
            {
                throw new XlsxReadException($"Row {row.RowIndex.Value} is beyond the last row a workbook can have (1,048,576).");
            }

            var line = row.RowIndex?.Value is { } r ? (int)r : nextRow;
            nextRow = line + 1;
            var cells = new SortedDictionary<int, string>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                if (column >= MaxColumns)
                {
                    throw new XlsxReadException($"Cell {Shown(cell.CellReference?.Value)} is beyond column {ColumnName(MaxColumns - 1)}: an import reads at most {MaxColumns} columns. Delete what is to the right of the table.");
                }

                nextColumn = column + 1;
                var text = CellText(cell, shared, dateStyles);
                if (text.Length > MaxCellCharacters)
                {
                    throw new XlsxReadException($"Cell {Shown(cell.CellReference?.Value)} holds {text.Length:N0} characters; a cell may hold at most {MaxCellCharacters:N0}.");
                }

                if (text.Length > 0)
                {
                    cells[column] = text;
                }
            }

            if (cells.Count > 0)
            {
                if (rows.Count == MaxRows)
                {
                    throw new XlsxReadException($"The sheet has more than {MaxRows:N0} rows: split them into several files.");
                }

                rows.Add((line, cells));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var width = rows[0].Cells.Keys.Max() + 1; // the header row
        return [.. rows.Select(r =>
        {
            var count = Math.Max(width, r.Cells.Keys.Max() + 1);
            var fields = new string[count];
            for (var i = 0; i < count; i++)
            {
                fields[i] = r.Cells.TryGetValue(i, out var v) ? v : "";
            }

            return new CsvRecord(r.Line, fields);
        })];
    }

    /// <summary>
    /// The sheet's rows one at a time, read as a stream: only one row is ever held as elements,
    /// not the whole sheet's document tree.
    /// </summary>
    private static IEnumerable<Row> Rows(WorksheetPart sheetPart)
    {
        using var reader = OpenXmlReader.Create(sheetPart);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                yield return (Row)reader.LoadCurrentElement()!;
            }
        }
    }

    private static string Shown(string? reference) => reference is null ? "(without a reference)" : InputRules.Shown(reference);

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string CellText(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
                ? IsoText(shared[i])
                : throw new XlsxReadException($"Cell {cell.CellReference?.Value} refers to a shared string the workbook does not have.");
        }

        if (type == CellValues.InlineString)
        {
            return IsoText(cell.InlineString is { } inline ? StringItemText(inline) : raw);
        }

        if (type == CellValues.String || type == CellValues.Error)
        {
            return IsoText(raw);
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "true" : raw == "0" ? "false" : raw;
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                ? d.ToString(InputRules.DateFormat, CultureInfo.InvariantCulture)
                : raw;
        }

        if (raw.Length == 0)
        {
            return "";
        }

        // A number: a date when its style formats it as one, else its decimal text.
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is >= -657434 and < 2958466)
        {
            return DateTime.FromOADate(number).ToString(InputRules.DateFormat, CultureInfo.InvariantCulture);
        }

        return Plain(number);
    }

    /// <summary>
    /// The number as a spreadsheet shows it: 15 significant digits (what decimal conversion keeps,
    /// and Excel's own precision), so 38.5 stored as 38.500000000000001 reads "38.5".
    /// </summary>
    private static string Plain(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number) >= 7.9e28)
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        var value = (decimal)number;
        return (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Text that is an ISO date-time at midnight ("2025-06-30T00:00:00") becomes the date.</summary>
    private static string IsoText(string text)
    {
        var match = IsoMidnight().Match(text);
        return match.Success ? match.Groups[1].Value : text;
    }

    [GeneratedRegex(@"^\s*(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?\s*$")]
    private static partial Regex IsoMidnight();

    private static string StringItemText(OpenXmlElement item)
    {
        // Plain text (<t>) or rich-text runs (<r><t>); phonetic hints (<rPh>) are not part of the value.
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t)
            {
                sb.Append(t.Text);
            }
            else if (child is Run run)
            {
                sb.Append(run.Text?.Text);
            }
        }

        return sb.ToString();
    }

    /// <summary>The cell-format indexes whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is not { } formats)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    // ECMA-376 built-in formats 14-17 and 22 are dates (18-21, 45-47 are times only); 27-36 and 50-58 are East Asian dates.
    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    /// <summary>A custom format is a date one when, outside quoted text and [..] sections, it uses d or y.</summary>
    internal static bool IsDateFormat(string code)
    {
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '\\' || c == '_' || c == '*')
            {
                i++; // the next character is literal or padding
            }
            else if (c == '"')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '[')
            {
                inBracket = true;
            }
            else if (!inQuote && c == ']')
            {
                inBracket = false;
            }
            else if (!inQuote && !inBracket && c is 'd' or 'D' or 'y' or 'Y')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The zero-based column of a reference such as "C12".</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (column > MaxColumns)
            {
                return column - 1; // far beyond the bound already; no need to read on (and overflow)
            }

            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return column == 0 ? throw new XlsxReadException($"The cell reference '{reference}' is not valid.") : column - 1;
    }
}

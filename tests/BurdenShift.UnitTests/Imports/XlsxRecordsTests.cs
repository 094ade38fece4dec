using System.IO.Compression;
using System.Text;
using BurdenShift.Core.Imports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BurdenShift.UnitTests.Imports;

public sealed class XlsxRecordsTests
{
    private const uint IsoDate = 1;      // built-in format 14, a date
    private const uint CustomDate = 2;   // "dd/mm/yyyy"
    private const uint Percent = 3;      // built-in 10, "0.00%": a number, not a date

    /// <summary>A workbook as a spreadsheet program would save it: shared strings, styles, cells left out where empty.</summary>
    private static MemoryStream Workbook(Action<SheetData, Func<string, int>> fill, bool secondSheetFirstInPackage = false)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = document.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true })
                { Count = 4 });
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            int Shared(string text)
            {
                sst.SharedStringTable.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                return sst.SharedStringTable.Count() - 1;
            }

            var sheets = wb.Workbook.AppendChild(new Sheets());
            var other = wb.AddNewPart<WorksheetPart>();
            other.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("not me")) }) { RowIndex = 1 }));
            var first = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            fill(data, Shared);
            first.Worksheet = new Worksheet(data);
            // The first sheet in tab order is what counts, not the first part in the package.
            sheets.Append(new Sheet { Name = "Figures", SheetId = 1, Id = wb.GetIdOfPart(first) });
            sheets.Append(new Sheet { Name = "Other", SheetId = 2, Id = wb.GetIdOfPart(other) });
        }

        stream.Position = 0;
        return stream;
    }

    private static Cell SharedCell(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };

    private static Cell Number(string reference, string raw, uint? style = null) => new() { CellReference = reference, CellValue = new CellValue(raw), StyleIndex = style };

    private static Row Row(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    [Fact]
    public void Numbers_dates_text_and_blanks_read_back_as_the_csv_parser_would_give_them()
    {
        using var file = Workbook((data, shared) =>
        {
            string[] header = ["area", "as_of", "europe_share", "us_share", "source", "confidence", "note"];
            data.Append(Row(1, [.. header.Select((h, i) => SharedCell($"{(char)('A' + i)}1", shared(h)))]));
            // 38.5 typed in; a date formatted as a date (45838 = 2025-06-30); a note left empty, so Excel leaves the cell out.
            data.Append(Row(2, SharedCell("A2", shared("drones")), Number("B2", "45838", IsoDate), Number("C2", "38.5"), Number("D2", "55"),
                SharedCell("E2", shared("Example Institute, drone census")), SharedCell("F2", shared("medium"))));
            // Binary noise from a formula, a date in a custom format, a blank cell in the middle, an inline string.
            data.Append(Row(3, SharedCell("A3", shared("ammunition")), Number("B3", "45657", CustomDate), Number("C3", "0.30000000000000004"),
                SharedCell("E3", shared("reuters-2027")), new Cell { CellReference = "F3", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("low")) },
                new Cell { CellReference = "G3", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("  spaced, \"quoted\"  ")) }));
            // Row 4 is missing altogether; row 5: ISO text dates, scientific and negative numbers, a percentage-formatted number, a boolean.
            data.Append(Row(5, SharedCell("A5", shared("isr")), SharedCell("B5", shared("2025-09-30")), Number("C5", "1.9E6"), Number("D5", "-2"),
                Number("E5", "0.125", Percent), new Cell { CellReference = "F5", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                SharedCell("G5", shared("2025-09-30T00:00:00"))));
        });

        var records = XlsxRecords.Read(file);

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["area", "as_of", "europe_share", "us_share", "source", "confidence", "note"], records[0].Fields);
        Assert.Equal(["drones", "2025-06-30", "38.5", "55", "Example Institute, drone census", "medium", ""], records[1].Fields);
        Assert.Equal(["ammunition", "2024-12-31", "0.3", "", "reuters-2027", "low", "  spaced, \"quoted\"  "], records[2].Fields);
        Assert.Equal(["isr", "2025-09-30", "1900000", "-2", "0.125", "true", "2025-09-30"], records[3].Fields);
    }

    [Fact]
    public void A_cell_beyond_the_header_is_kept_so_the_import_can_report_the_extra_field()
    {
        using var file = Workbook((data, shared) =>
        {
            data.Append(Row(1, SharedCell("A1", shared("indicator")), SharedCell("B1", shared("as_of"))));
            data.Append(Row(2, SharedCell("A2", shared("x")), SharedCell("D2", shared("stray"))));
        });

        var records = XlsxRecords.Read(file);

        Assert.Equal(["x", "", "", "stray"], records[1].Fields);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_gives_a_clear_error()
    {
        var csv = new MemoryStream(Encoding.UTF8.GetBytes("area,as_of\ndrones,2025-06-30\n"));
        var ex = Assert.Throws<XlsxReadException>(() => XlsxRecords.Read(csv));
        Assert.StartsWith("The file is not a readable .xlsx workbook", ex.Message, StringComparison.Ordinal);

        // A zip that is not an Open XML package either.
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("hello.txt").Open());
            entry.Write("hello");
        }

        zip.Position = 0;
        ex = Assert.Throws<XlsxReadException>(() => XlsxRecords.Read(zip));
        Assert.StartsWith("The file is not a readable .xlsx workbook", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_too_large_to_read_is_refused_with_its_own_reason()
    {
        using var file = Workbook((data, shared) =>
        {
            for (uint r = 1; r <= 200; r++)
            {
                data.Append(Row(r, Number($"A{r}", "12345.5"), Number($"B{r}", "2")));
            }
        });

        var ex = Assert.Throws<XlsxReadException>(() => XlsxRecords.Read(file, maxCharactersInPart: 2_000));

        Assert.StartsWith("The workbook is too large to import", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_that_cannot_seek_like_an_upload_is_read_too()
    {
        using var file = Workbook((data, shared) => data.Append(Row(1, SharedCell("A1", shared("area")))));

        var records = XlsxRecords.Read(new ForwardOnlyStream(file.ToArray()));

        Assert.Equal(["area"], Assert.Single(records).Fields);
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("d mmm yy", true)]
    [InlineData("[$-409]mmmm d, yyyy", true)]
    [InlineData("0.00%", false)]
    [InlineData("h:mm:ss", false)]
    [InlineData("\"day\" 0", false)]
    [InlineData("#,##0.0", false)]
    public void Custom_date_formats_are_told_from_number_formats(string code, bool isDate) =>
        Assert.Equal(isDate, XlsxRecords.IsDateFormat(code));

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BurdenShift.IntegrationTests.Exports;

/// <summary>Imports of .xlsx workbooks: the same columns, checks and stored rows as CSV.</summary>
[Collection(PostgresCollection.Name)]
public sealed class XlsxImportTests(PostgresServer postgres)
{
    private const string SharesCsv = """
        area,as_of,europe_share,us_share,source,confidence,note,source_url,europe_share_low,europe_share_high,us_share_low,us_share_high
        drones,2025-06-30,38.5,55,"Example Institute, drone census",medium,first estimate,https://example.org/census,33,44,50,60
        drones,2025-06-30,35.25,58,"Example Institute, drone census",medium,"revised, same date",https://example.org/census,,,,
        cyber,2025-03-31,,70,reuters-2027,low,US share only,,,,65,75.5
        ammunition,2024-12-31,41,49,reuters-2027,high,,,,,,
        """;

    private const string ObservationsCsv = """
        indicator,as_of,value,source,confidence,note,low,high
        eu-155mm-capacity,2025-12-31,1900000,Example Institute,medium,,1500000,2100000.5
        us-share-nato-spending,2026-03-31,58.5,Example Institute,medium,quarterly,,
        """;

    /// <summary>
    /// The same rows as a spreadsheet program saves them: numbers as numeric cells, dates as date
    /// cells (a number with a date format), text as shared strings, empty cells left out.
    /// </summary>
    private static MemoryStream Workbook(string csv)
    {
        var records = CsvRecords.Parse(csv);
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = document.AddWorkbookPart();
            wb.Workbook = new Workbook();
            wb.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var shared = wb.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            foreach (var record in records)
            {
                var row = new Row { RowIndex = (uint)record.Line };
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    var text = record.Fields[i];
                    var reference = $"{(char)('A' + i)}{record.Line}";
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    if (record.Line > 1 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) });
                    }
                    else if (record.Line > 1 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)) });
                    }
                    else
                    {
                        shared.SharedStringTable.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(shared.SharedStringTable.Count() - 1) });
                    }
                }

                data.Append(row);
            }

            var sheet = wb.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets()).Append(new Sheet { Name = "Figures", SheetId = 1, Id = wb.GetIdOfPart(sheet) });
        }

        stream.Position = 0;
        return stream;
    }

    private static async Task<TestDatabase> SeededAsync(PostgresServer postgres, DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.SeedAsync("public-record");
        return database;
    }

    private static FigureImporter Importer(TestDatabase database) =>
        new(database.Factory(), FixedTime.Default, NullLogger<FigureImporter>.Instance);

    /// <summary>What an import stored, in entry order, without ids and entry times.</summary>
    private static async Task<List<string>> StoredAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var shares = await db.ShareAssessments.AsNoTracking().Where(s => s.EnteredBy == "editor@example.org").OrderBy(s => s.Id)
            .Select(s => new { s.Area!.Key, s.AsOf, s.EuropeShare, s.UsShare, s.Confidence, Source = s.Source!.Key, s.Source.Publisher, s.Source.Url, s.Note, s.EuropeLow, s.EuropeHigh, s.UsLow, s.UsHigh })
            .ToListAsync();
        var observations = await db.IndicatorObservations.AsNoTracking().Where(o => o.EnteredBy == "editor@example.org").OrderBy(o => o.Id)
            .Select(o => new { o.Indicator!.Key, o.AsOf, o.Value, o.Confidence, Source = o.Source!.Key, o.Note, o.Low, o.High })
            .ToListAsync();
        static string N(decimal? d) => d?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
        return
        [
            .. shares.Select(s => $"{s.Key}|{s.AsOf:yyyy-MM-dd}|{s.EuropeShare?.ToString("0.####", CultureInfo.InvariantCulture)}|{s.UsShare?.ToString("0.####", CultureInfo.InvariantCulture)}|{s.Confidence}|{s.Source}|{s.Publisher}|{s.Url}|{s.Note}|{N(s.EuropeLow)}|{N(s.EuropeHigh)}|{N(s.UsLow)}|{N(s.UsHigh)}"),
            .. observations.Select(o => $"{o.Key}|{o.AsOf:yyyy-MM-dd}|{o.Value.ToString("0.######", CultureInfo.InvariantCulture)}|{o.Confidence}|{o.Source}|{o.Note}|{N(o.Low)}|{N(o.High)}"),
        ];
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_xlsx_import_stores_the_same_rows_as_the_equivalent_csv(DatabaseProvider provider)
    {
        await using var fromCsv = await SeededAsync(postgres, provider);
        await using var fromXlsx = await SeededAsync(postgres, provider);

        foreach (var file in new[] { SharesCsv, ObservationsCsv })
        {
            var csv = await Importer(fromCsv).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), "editor@example.org", dryRun: false);
            var xlsx = await Importer(fromXlsx).ImportAsync(Workbook(file), ImportFormat.Xlsx, "editor@example.org", dryRun: false);
            Assert.True(csv.Succeeded, string.Join("\n", csv.Problems));
            Assert.True(xlsx.Succeeded, string.Join("\n", xlsx.Problems));
            Assert.True(xlsx.Written);
            Assert.Equal(csv.Rows, xlsx.Rows);
            Assert.Equal(csv.NewSources, xlsx.NewSources);
            Assert.Equal(csv.Preview, xlsx.Preview);
        }

        var stored = await StoredAsync(fromXlsx);
        Assert.Equal(await StoredAsync(fromCsv), stored);
        Assert.Equal(6, stored.Count);
        Assert.Equal("drones|2025-06-30|38.5|55|Medium|import-example-institute-drone-census|Example Institute, drone census|https://example.org/census|first estimate|33|44|50|60", stored[0]);
        Assert.EndsWith("|US share only|||65|75.5", stored[2], StringComparison.Ordinal);
        Assert.StartsWith("eu-155mm-capacity|2025-12-31|1900000|Medium|", stored[4], StringComparison.Ordinal);
        Assert.EndsWith("|1500000|2100000.5", stored[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_imports_an_xlsx_file_by_its_extension()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var dir = Directory.CreateTempSubdirectory("burdenshift-cli-xlsx-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, "figures.xlsx"), Workbook(SharesCsv).ToArray());
            var env = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__BurdenShift"] = database.ConnectionString,
            };

            var run = await AppProcess.RunAsync(["import", "figures.xlsx"], env, dir);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(run.Stdout, l => l.Contains("imported 4 share assessments", StringComparison.Ordinal));
            await using var db = database.CreateContext();
            var drones = await db.ShareAssessments.Where(s => s.Area!.Key == "drones").OrderBy(s => s.Id).Select(s => s.EuropeShare).ToListAsync();
            Assert.Equal([38.5m, 35.25m], drones);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_row_in_a_workbook_is_reported_with_its_spreadsheet_row_number_and_nothing_is_written()
    {
        await using var database = await SeededAsync(postgres, DatabaseProvider.Sqlite);
        const string file = """
            area,as_of,europe_share,us_share,source,confidence,note
            drones,2025-06-30,38.5,55,reuters-2027,medium,fine
            drones,2025-06-30,70,60,reuters-2027,medium,sum 130
            """;

        var result = await Importer(database).ImportAsync(Workbook(file), ImportFormat.Xlsx, "editor@example.org", dryRun: false);

        Assert.False(result.Written);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Empty(await StoredAsync(database));
    }

    [Theory]
    [InlineData("a CSV saved with the wrong name")]
    [InlineData("PK\u0003\u0004 a truncated zip")]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_clear_message_and_writes_nothing(string content)
    {
        await using var database = await SeededAsync(postgres, DatabaseProvider.Sqlite);
        await using var before = database.CreateContext();
        var sources = await before.Sources.CountAsync();
        var audits = await before.AuditEntries.CountAsync();

        var bytes = content.StartsWith("a CSV", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(SharesCsv) : Encoding.Latin1.GetBytes(content);
        var result = await Importer(database).ImportAsync(new MemoryStream(bytes), ImportFormat.Xlsx, "editor@example.org", dryRun: false);

        Assert.False(result.Written);
        Assert.StartsWith("The file is not a readable .xlsx workbook", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(database));
        await using var after = database.CreateContext();
        Assert.Equal(sources, await after.Sources.CountAsync());
        Assert.Equal(audits, await after.AuditEntries.CountAsync());
    }
}

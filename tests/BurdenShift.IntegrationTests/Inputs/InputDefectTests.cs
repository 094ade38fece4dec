using BurdenShift.Core.Inputs;

namespace BurdenShift.IntegrationTests.Inputs;

/// <summary>One regression test per input defect of issue 11, each as the report reproduced it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InputDefectTests(PostgresServer postgres)
{
    private const string Header = "area,as_of,europe_share,us_share,source,confidence,note,source_url\n";

    [Fact]
    public async Task Defect1_charts_packs_and_changes_outside_1900_to_2100_answer_400_or_a_notice_not_500()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database);
        using var client = app.CreateClient();

        foreach (var asOf in new[] { "0001-01-01", "9999-12-31" })
        {
            foreach (var path in new[] { "chart/isr.png", "chart/isr.svg", "chart/index.png", "pack.pptx", "pack.pdf" })
            {
                using var response = await client.GetAsync($"/api/export/{path}?asOf={asOf}");
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("1900-01-01..2100-12-31", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using var changes = await client.GetAsync($"/changes?asOf={asOf}");
            Assert.Equal(HttpStatusCode.OK, changes.StatusCode);
            Assert.Contains($"{asOf} is outside 1900-01-01..2100-12-31; showing today instead", await changes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Defect2_on_PostgreSQL_NUL_and_long_URLs_exit_1_with_reasons_and_a_long_file_name_is_attributed_cut_short()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        var dir = Directory.CreateTempSubdirectory("burdenshift-d2-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "nul.csv"), Header + "drones,2025-06-30,38.5,55,Example Institute,medium,a\0b,\n");
            await File.WriteAllTextAsync(Path.Combine(dir, "url.csv"), Header + $"drones,2025-06-30,38.5,55,Example Institute,medium,,https://example.org/{new string('a', 1000)}\n");
            var longName = new string('n', 200) + ".csv";
            await File.WriteAllTextAsync(Path.Combine(dir, longName), Header + "drones,2025-06-30,38.5,55,Example Institute,medium,,\n");
            var env = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__BurdenShift"] = database.ConnectionString };

            var nul = await AppProcess.RunAsync(["import", "nul.csv"], env, dir);
            var url = await AppProcess.RunAsync(["import", "url.csv"], env, dir);
            await using (var db = database.CreateContext())
            {
                Assert.Equal(0, await db.ShareAssessments.CountAsync(s => s.Area!.Key == "drones"));
            }

            var named = await AppProcess.RunAsync(["import", longName], env, dir);

            Assert.Equal(1, nul.ExitCode);
            Assert.Contains(nul.Stderr, l => l.Contains("line 2: note holds the control character U+0000", StringComparison.Ordinal));
            Assert.Equal(1, url.ExitCode);
            Assert.Contains(url.Stderr, l => l.Contains("source_url is longer than 1000 characters", StringComparison.Ordinal));
            Assert.Equal(0, named.ExitCode);
            await using var check = database.CreateContext();
            var stored = Assert.Single(await check.ShareAssessments.Where(s => s.Area!.Key == "drones").ToListAsync());
            Assert.Equal(ColumnLimits.EnteredBy, stored.EnteredBy.Length);
            Assert.StartsWith("import:nnnn", stored.EnteredBy, StringComparison.Ordinal);

            // The /import page previews with a dry run of the same importer: it says what the CLI says.
            var preview = await new FigureImporter(database.Factory(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<FigureImporter>.Instance)
                .ImportAsync(File.OpenRead(Path.Combine(dir, "nul.csv")), "editor@example.org", dryRun: true);
            Assert.False(preview.Succeeded);
            Assert.Contains("U+0000", Assert.Single(preview.Problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("AAAAAA1")]
    [InlineData("XFD1")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA1")]
    public void Defect4_a_header_cell_far_to_the_right_is_refused_naming_it_without_allocating_the_width(string reference)
    {
        var header = string.Concat("area,as_of,europe_share,us_share,source,confidence,note".Split(',').Select((c, i) => RawWorkbook.InlineCell($"{RawWorkbook.Column(i)}1", c)));
        var rows = string.Concat(Enumerable.Range(2, 12).Select(r => $"<row r=\"{r}\">{RawWorkbook.InlineCell($"A{r}", "drones")}{RawWorkbook.InlineCell($"B{r}", "2025-06-30")}</row>"));
        var bytes = RawWorkbook.FromSheetData($"<row r=\"1\">{header}{RawWorkbook.InlineCell(reference, "x")}</row>{rows}");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<XlsxReadException>(() => XlsxRecords.Read(new MemoryStream(bytes)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains($"Cell {reference} is beyond column", ex.Message, StringComparison.Ordinal);
        // Before the bound, AAAAAA made every one of the 13 rows 12 million fields wide (2 GB).
        Assert.InRange(allocated, 0, 8L * 1024 * 1024);
    }

    [Fact]
    public void Defect4_huge_cells_and_rows_past_the_last_are_refused_with_bounded_allocation()
    {
        var header = RawWorkbook.InlineCell("A1", "area");
        foreach (var (sheet, expected) in new[]
        {
            ($"<row r=\"1\">{header}</row><row r=\"2\">{RawWorkbook.InlineCell("A2", new string('x', 200_000))}</row>", "a cell may hold at most"),
            ($"<row r=\"1\">{header}</row><row r=\"4294967295\">{RawWorkbook.InlineCell("A4294967295", "x")}</row>", "beyond the last row"),
        })
        {
            var bytes = RawWorkbook.FromSheetData(sheet);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var ex = Assert.Throws<XlsxReadException>(() => XlsxRecords.Read(new MemoryStream(bytes)));
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16L * 1024 * 1024);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Defect7_javascript_source_urls_are_refused_on_save_and_a_stored_one_is_never_a_link(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        var import = await scene.Importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header + "drones,2025-06-30,38.5,55,Evil,medium,,javascript:alert(1)\n")), "e@example.org", dryRun: false);
        var form = await scene.Editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", new Dictionary<string, string?>
        {
            ["asOf"] = "2026-06-30",
            ["europeShare"] = "40",
            ["confidence"] = "medium",
            ["source"] = "",
            ["sourcePublisher"] = "Evil",
            ["sourceTitle"] = "Report",
            ["sourceUrl"] = "javascript:alert(1)",
        }, null), EditScene.User("e@example.org", Core.Accounts.Roles.Editor));

        Assert.False(import.Written);
        Assert.Contains("source_url 'javascript:alert(1)' is not a web address", Assert.Single(import.Problems).Message, StringComparison.Ordinal);
        Assert.True(form.Errors.ContainsKey(FormFields.SourceUrl));

        // A row stored before this rule (or by hand) still renders as text, not as a link.
        await using (var db = scene.Database.CreateContext())
        {
            var source = await db.Sources.OrderBy(s => s.Id).FirstAsync();
            source.Url = "javascript:alert(document.cookie)";
            await db.SaveChangesAsync();
        }

        await using var app = AppFactory.For(scene.Database);
        using var client = app.CreateClient();
        foreach (var page in new[] { "/", "/sources", "/areas/drones", "/areas/isr" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Defect8_a_duplicate_header_column_is_refused_naming_it(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        const string file = "area,as_of,europe_share,us_share,source,confidence,note,note\ndrones,2025-06-30,38.5,55,reuters-2027,medium,kept,dropped\n";

        var result = await scene.Importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), "e@example.org", dryRun: false);

        Assert.False(result.Written);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Equal("The header names a column twice: 'note'. Keep one of each.", problem.Message);
    }

    [Fact]
    public async Task Defect10_an_import_into_a_SQLite_path_whose_folder_does_not_exist_exits_2_and_creates_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("burdenshift-d10-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "f.csv"), Header + "drones,2025-06-30,38.5,55,Example Institute,medium,,\n");
            var missing = Path.Combine(dir, "nonexistent", "dir");

            var run = await AppProcess.RunAsync(["import", "f.csv", "--ConnectionStrings:BurdenShift", $"Data Source={missing}/x.db"], new Dictionary<string, string>(), dir);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains(run.Stderr, l => l.Contains("does not exist", StringComparison.Ordinal) && l.Contains("ConnectionStrings:BurdenShift", StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(dir, "nonexistent")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_command_word_exits_2_with_the_usage_instead_of_starting_the_web_server()
    {
        var run = await AppProcess.RunAsync(["serve", "x"], new Dictionary<string, string>());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Stderr, l => l.Contains("'serve' is not a command", StringComparison.Ordinal));
        Assert.Contains(run.Stderr, l => l.StartsWith("usage: BurdenShift.Web", StringComparison.Ordinal));
        Assert.Contains(run.Stderr, l => l.Contains("import FILE", StringComparison.Ordinal));
    }
}

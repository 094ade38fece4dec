using DocumentFormat.OpenXml.Packaging;
using static BurdenShift.IntegrationTests.Exports.ExportReading;

namespace BurdenShift.IntegrationTests.Exports;

[Collection(PostgresCollection.Name)]
public sealed class DataExportTests(PostgresServer postgres)
{
    private const string AsOf = "2026-06-30";

    // Drones fall from 40 to 37.5 (a negative trend) within ranges; one note looks like a formula; cyber keeps "no public figure".
    private const string Shares = """"
        area,as_of,europe_share,us_share,source,confidence,note,europe_share_low,europe_share_high,us_share_low,us_share_high
        drones,2024-06-30,40,55,Example Institute,medium,"+1 on last year, ""roughly""",35,45,,
        drones,2025-06-30,37.5,56,Example Institute,medium,"=HYPERLINK(""http://evil.example"",""click"")",30,44,50,60
        ammunition,2023-12-31,40,50,Example Institute,high,,,,,
        ammunition,2025-12-31,44.25,48,Example Institute,low,@SUM(A1:A9),,,,
        isr,2025-09-30,,80,reuters-2027,low,US share only,,,70,85
        """";

    private static readonly string[] DateColumns = ["as_of", "latest_date", "deadline", "current_date", "eta", "due", "completed_on", "pessimistic_eta", "optimistic_eta"];

    // A target's range (issue 14): "r." is the target's or the index's "range".
    private static readonly (string Column, string Path)[] RangeColumns =
    [
        ("range_robust", "r.robust"),
        .. new[] { "pessimistic", "optimistic" }.SelectMany(end => new[]
        {
            ($"{end}_current", $"r.{end}.current"), ($"{end}_trend_per_year", $"r.{end}.trendPerYear"), ($"{end}_projected", $"r.{end}.projected"),
            ($"{end}_eta", $"r.{end}.eta"), ($"{end}_years_late", $"r.{end}.yearsLate"), ($"{end}_status", $"r.{end}.status"),
        }),
    ];

    private static readonly (string Column, string Path)[] TargetColumns =
    [
        ("target_key", "t.key"), ("target_value", "t.value"), ("deadline", "t.deadline"), ("current", "t.current"),
        ("current_date", "t.currentDate"), ("gap", "t.gap"), ("required_per_year", "t.requiredPerYear"), ("projected", "t.projected"),
        ("eta", "t.eta"), ("years_late", "t.yearsLate"), ("status", "t.status"), ("confidence", "t.confidence"),
        ("milestones_due", "t.milestones.due"), ("milestones_done", "t.milestones.done"), ("milestones_overdue", "t.milestones.overdue"),
        ("target_source", "t.source.publisher"), ("target_source_key", "t.source.key"),
        .. RangeColumns.Select(c => (c.Column, "t.range." + c.Path[2..])),
    ];

    // Export column → where the read API has the same figure ("a." the area, "t." the target).
    private static readonly (string Column, string Path)[] AreaColumns =
    [
        ("area_key", "a.key"), ("area_name", "a.name"), ("as_of", "a.asOf"), ("latest_date", "a.latest.date"),
        ("latest_date_precision", "a.latest.datePrecision"), ("europe_share", "a.latest.europeShare"), ("us_share", "a.latest.usShare"),
        ("europe_share_low", "a.latest.europeLow"), ("europe_share_high", "a.latest.europeHigh"), ("us_share_low", "a.latest.usLow"),
        ("us_share_high", "a.latest.usHigh"), ("share_confidence", "a.latest.confidence"),
        ("share_source", "a.latest.source.publisher"), ("share_source_key", "a.latest.source.key"), ("trend_per_year", "a.trendPerYear"),
        ("share_basis", "a.shareBasis"), ("share_note", "a.latest.note"),
        .. TargetColumns, ("illustrative", "a.illustrative"),
    ];

    private static readonly (string Column, string Path)[] IndicatorColumns =
    [
        ("indicator_key", "a.key"), ("indicator_name", "a.name"), ("unit", "a.unit"), ("direction", "a.direction"), ("area_key", "a.area"),
        ("as_of", "a.asOf"), ("latest_date", "a.latest.date"),
        ("latest_date_precision", "a.latest.datePrecision"), ("latest_value", "a.latest.value"), ("latest_low", "a.latest.low"),
        ("latest_high", "a.latest.high"), ("latest_confidence", "a.latest.confidence"),
        ("latest_source", "a.latest.source.publisher"), ("latest_source_key", "a.latest.source.key"), ("trend_per_year", "a.trendPerYear"),
        .. TargetColumns, ("illustrative", "a.illustrative"),
    ];

    private static readonly (string Column, string Path)[] IndexColumns =
    [
        ("target_key", "a.key"), ("label", "a.label"), ("target_value", "a.value"), ("deadline", "a.deadline"), ("as_of", "a.asOf"),
        ("current", "a.current"), ("current_date", "a.currentDate"), ("trend_per_year", "a.trendPerYear"), ("gap", "a.gap"),
        ("required_per_year", "a.requiredPerYear"), ("projected", "a.projected"), ("eta", "a.eta"), ("years_late", "a.yearsLate"),
        ("status", "a.status"), ("confidence", "a.confidence"), .. RangeColumns.Select(c => (c.Column, "a.range." + c.Path[2..])),
        ("areas_included", "a.areasIncluded"), ("areas_left_out", "a.areasLeftOut"),
        ("illustrative", "a.illustrative"),
    ];

    private static async Task<AppFactory> StartAsync(TestDatabase database, string dataset = "public-record")
    {
        var app = AppFactory.For(database, dataset, FixedTime.Default);
        var result = await app.Services.GetRequiredService<FigureImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Shares)), "test", dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return app;
    }

    /// <summary>The API's rows flattened like the export: one per item and target (one with no target when it has none).</summary>
    private static List<(JsonElement Item, JsonElement? Target)> ApiRows(JsonElement array, bool perTarget = true) =>
        [.. array.EnumerateArray().SelectMany(item => !perTarget
            ? [(item, (JsonElement?)null)]
            : item.GetProperty("targets").GetArrayLength() == 0
                ? [(item, null)]
                : item.GetProperty("targets").EnumerateArray().Select(t => (item, (JsonElement?)t)))];

    private static JsonElement? Value((JsonElement Item, JsonElement? Target) row, string path) =>
        path.StartsWith("t.", StringComparison.Ordinal)
            ? row.Target is { } t ? At(t, path[2..]) : null
            : At(row.Item, path[2..]);

    private static async Task AssertCsvMatchesApiAsync(HttpClient client, string csvUrl, string apiUrl, (string Column, string Path)[] columns, bool perTarget = true)
    {
        using var api = JsonDocument.Parse(await client.GetStringAsync(apiUrl));
        var response = await client.GetAsync(csvUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var csv = Csv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));

        var expected = ApiRows(api.RootElement, perTarget);
        Assert.Equal(expected.Count, csv.Count);
        Assert.Equal(columns.Select(c => c.Column), csv[0].Keys);
        foreach (var (row, fields) in expected.Zip(csv))
        {
            foreach (var (column, path) in columns)
            {
                AssertCsvField(Value(row, path), fields[column], $"{csvUrl} {fields[columns[0].Column]}/{column}");
            }
        }
    }

    private static async Task AssertXlsxMatchesApiAsync(HttpClient client, string xlsxUrl, string apiUrl, string sheet, (string Column, string Path)[] columns, bool perTarget = true)
    {
        using var api = JsonDocument.Parse(await client.GetStringAsync(apiUrl));
        var response = await client.GetAsync(xlsxUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var rows = Sheet(document, sheet);

        var expected = ApiRows(api.RootElement, perTarget);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (row, cells) in expected.Zip(rows))
        {
            foreach (var (column, path) in columns)
            {
                AssertXlsxCell(Value(row, path), cells.GetValueOrDefault(column), DateColumns.Contains(column), $"{xlsxUrl} {cells[columns[0].Column].InnerText}/{column}");
            }
        }

        // Every source the rows cite is on the Sources sheet with its publisher, title, URL and confidence.
        var sources = Sheet(document, "Sources").Where(s => s.ContainsKey("source_key")).ToDictionary(s => s["source_key"].InnerText);
        foreach (var (item, _) in expected)
        {
            foreach (var cited in new[] { At(item, "latest.source") }.Concat(item.TryGetProperty("targets", out var ts) ? ts.EnumerateArray().Select(t => At(t, "source")) : []))
            {
                if (cited is { } source)
                {
                    var listed = sources[source.GetProperty("key").GetString()!];
                    Assert.Equal(source.GetProperty("publisher").GetString(), listed["publisher"].InnerText);
                    Assert.Equal(source.GetProperty("title").GetString(), listed["title"].InnerText);
                    Assert.Equal(At(source, "url")?.GetString(), listed.GetValueOrDefault("url")?.InnerText);
                    Assert.Equal(source.GetProperty("confidence").GetString(), listed["confidence"].InnerText);
                }
            }
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_areas_csv_and_xlsx_hold_exactly_the_numbers_of_the_areas_api(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = await StartAsync(database);
        using var client = app.CreateClient();

        await AssertCsvMatchesApiAsync(client, $"/api/export/data/areas.csv?asOf={AsOf}", $"/api/areas?asOf={AsOf}", AreaColumns);
        await AssertXlsxMatchesApiAsync(client, $"/api/export/data/areas.xlsx?asOf={AsOf}", $"/api/areas?asOf={AsOf}", "Areas", AreaColumns);

        // The comparison covered real ranges: drones' bounds and both ends' figures are filled in.
        var drones = Csv(await client.GetStringAsync($"/api/export/data/areas.csv?asOf={AsOf}")).First(r => r["area_key"] == "drones");
        Assert.Equal(("30", "44", "50", "60"), (drones["europe_share_low"], drones["europe_share_high"], drones["us_share_low"], drones["us_share_high"]));
        Assert.NotEqual("", drones["range_robust"]);
        Assert.NotEqual("", drones["pessimistic_projected"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_indicators_and_index_exports_hold_exactly_the_numbers_of_their_apis(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = await StartAsync(database);
        using var client = app.CreateClient();

        await AssertCsvMatchesApiAsync(client, $"/api/export/data/indicators.csv?asOf={AsOf}", $"/api/indicators?asOf={AsOf}", IndicatorColumns);
        await AssertXlsxMatchesApiAsync(client, $"/api/export/data/indicators.xlsx?asOf={AsOf}", $"/api/indicators?asOf={AsOf}", "Indicators", IndicatorColumns);
        await AssertCsvMatchesApiAsync(client, $"/api/export/data/index.csv?asOf={AsOf}", $"/api/index?asOf={AsOf}", IndexColumns, perTarget: false);
        await AssertXlsxMatchesApiAsync(client, $"/api/export/data/index.xlsx?asOf={AsOf}", $"/api/index?asOf={AsOf}", "Index", IndexColumns, perTarget: false);
    }

    [Fact]
    public async Task No_public_figure_is_an_empty_cell_and_a_falling_trend_stays_a_negative_number()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = await StartAsync(database, "none");
        using var client = app.CreateClient();

        var text = await client.GetStringAsync($"/api/export/data/areas.csv?asOf={AsOf}");
        var rows = Csv(text);

        var cyber = rows.First(r => r["area_key"] == "cyber");
        Assert.Equal("", cyber["europe_share"]);
        Assert.Equal("", cyber["us_share"]);
        Assert.Equal("", cyber["current"]);
        Assert.Equal("no-data", cyber["status"]);
        var isr = rows.First(r => r["area_key"] == "isr");
        Assert.Equal(("", "80"), (isr["europe_share"], isr["us_share"]));

        // (37.5 - 40) over 365 days: -2.5 * 365.25 / 365 = -2.50171... points a year, written as a plain negative number.
        var drones = rows.First(r => r["area_key"] == "drones");
        Assert.StartsWith("-2.5017", drones["trend_per_year"], StringComparison.Ordinal);
        Assert.Contains(",-2.5017", text, StringComparison.Ordinal);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/export/data/areas.xlsx?asOf={AsOf}")), isEditable: false);
        var sheet = Sheet(document, "Areas");
        var xlsxCyber = sheet.First(r => r["area_key"].InnerText == "cyber");
        Assert.False(xlsxCyber.ContainsKey("europe_share"));
        Assert.False(xlsxCyber.ContainsKey("current"));
        var trend = sheet.First(r => r["area_key"].InnerText == "drones")["trend_per_year"];
        Assert.Null(trend.DataType);
        Assert.Equal(-2.50171, double.Parse(trend.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 5);
    }

    [Fact]
    public async Task An_area_export_holds_its_assessments_with_formula_looking_notes_neutralised()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = await StartAsync(database);
        using var client = app.CreateClient();
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/drones?asOf={AsOf}"));

        var response = await client.GetAsync($"/api/export/data/areas/drones.csv?asOf={AsOf}");
        Assert.Equal($"burdenshift-drones-{AsOf}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        var rows = Csv(text);
        var assessments = api.RootElement.GetProperty("assessments").EnumerateArray().ToList();
        Assert.Equal(assessments.Count, rows.Count);
        foreach (var (a, row) in assessments.OrderBy(a => a.GetProperty("asOf").GetString()).Zip(rows))
        {
            AssertCsvField(At(a, "asOf"), row["as_of"], "as_of");
            AssertCsvField(At(a, "europeShare"), row["europe_share"], "europe_share");
            AssertCsvField(At(a, "usShare"), row["us_share"], "us_share");
            AssertCsvField(At(a, "europeLow"), row["europe_share_low"], "europe_share_low");
            AssertCsvField(At(a, "europeHigh"), row["europe_share_high"], "europe_share_high");
            AssertCsvField(At(a, "usLow"), row["us_share_low"], "us_share_low");
            AssertCsvField(At(a, "usHigh"), row["us_share_high"], "us_share_high");
            AssertCsvField(At(a, "confidence"), row["confidence"], "confidence");
            AssertCsvField(At(a, "source.publisher"), row["source"], "source");
        }

        Assert.Equal(["'+1 on last year, \"roughly\"", "'=HYPERLINK(\"http://evil.example\",\"click\")"], rows.Select(r => r["note"]));
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", text, StringComparison.Ordinal);

        // The other tables of the page, by name.
        var milestones = Csv(await client.GetStringAsync($"/api/export/data/areas/drones.csv?asOf={AsOf}&table=milestones"));
        Assert.Equal(api.RootElement.GetProperty("milestones").GetArrayLength(), milestones.Count);
        Assert.Equal(2, Csv(await client.GetStringAsync($"/api/export/data/areas/drones.csv?asOf={AsOf}&table=targets")).Count);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/export/data/areas/drones.xlsx?asOf={AsOf}")), isEditable: false);
        Assert.Equal(["Assessments", "Targets", "Observations", "Milestones", "Count pairs", "Sources"], SheetNames(document));
        var notes = Sheet(document, "Assessments").Select(r => r["note"].InnerText).ToList();
        Assert.Equal(["'+1 on last year, \"roughly\"", "'=HYPERLINK(\"http://evil.example\",\"click\")"], notes);
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));
        var observations = api.RootElement.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("observations").GetArrayLength());
        Assert.Equal(observations, Sheet(document, "Observations").Count);
        var sources = Sheet(document, "Sources").Select(s => (string?)s["source_key"].InnerText).ToHashSet();
        Assert.All(assessments, a => Assert.Contains(a.GetProperty("source").GetProperty("key").GetString(), sources));
        Assert.All(api.RootElement.GetProperty("milestones").EnumerateArray(), m => Assert.Contains(m.GetProperty("source").GetProperty("key").GetString(), sources));
    }

    [Fact]
    public async Task Exports_are_named_after_the_table_and_the_as_of_date_and_default_to_today()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none", FixedTime.Default);
        using var client = app.CreateClient();

        foreach (var (url, name) in new[]
        {
            ("/api/export/data/areas.csv?asOf=2026-06-30", "burdenshift-areas-2026-06-30.csv"),
            ("/api/export/data/areas.xlsx", "burdenshift-areas-2026-07-01.xlsx"),
            ("/api/export/data/indicators.csv?asOf=2025-01-31", "burdenshift-indicators-2025-01-31.csv"),
            ("/api/export/data/index.xlsx?asOf=2025-01-31", "burdenshift-index-2025-01-31.xlsx"),
            ("/api/export/data/areas/isr.csv?asOf=2025-01-31&table=milestones", "burdenshift-isr-milestones-2025-01-31.csv"),
            ("/api/export/data/areas/isr.xlsx?asOf=2025-01-31", "burdenshift-isr-2025-01-31.xlsx"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }
    }

    [Theory]
    [InlineData("/api/export/data/areas.csv?asOf=2026-13-01", HttpStatusCode.BadRequest, "YYYY-MM-DD")]
    [InlineData("/api/export/data/areas.xlsx?asOf=yesterday", HttpStatusCode.BadRequest, "YYYY-MM-DD")]
    [InlineData("/api/export/data/areas/drones.csv?asOf=2026-02-30", HttpStatusCode.BadRequest, "YYYY-MM-DD")]
    [InlineData("/api/export/data/indicators.csv?asOf=26-06-30", HttpStatusCode.BadRequest, "YYYY-MM-DD")]
    [InlineData("/api/export/data/index.xlsx?asOf=%00", HttpStatusCode.BadRequest, "YYYY-MM-DD")]
    [InlineData("/api/export/data/areas.json", HttpStatusCode.BadRequest, ".csv or .xlsx")]
    [InlineData("/api/export/data/areas/drones.csv?table=sources", HttpStatusCode.BadRequest, "assessments, targets, observations, milestones")]
    [InlineData("/api/export/data/areas/atlantis.csv", HttpStatusCode.NotFound, "atlantis")]
    [InlineData("/api/export/data/areas/atlantis.xlsx?asOf=2026-06-30", HttpStatusCode.NotFound, "atlantis")]
    public async Task A_bad_request_gets_problem_details_with_the_reason(string url, HttpStatusCode expected, string reason)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none");
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_public_read_the_exports_need_a_signed_in_user()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = new AppFactory(new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = "none",
            ["Auth:PublicRead"] = "false",
        });
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/export/data/areas.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/export/data/areas/isr.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Exports_are_rate_limited_per_client()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none");
        using var client = app.CreateClient();

        // Cheap refused requests count too: the limit is on requests, whatever they ask.
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/export/data/areas.txt")).StatusCode);
        }

        var refused = await client.GetAsync("/api/export/data/areas.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Like every API error, a problem (RFC 9457) that says when to try again.
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("try again in", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);
        // The read API is not limited by the export policy.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);
    }
}

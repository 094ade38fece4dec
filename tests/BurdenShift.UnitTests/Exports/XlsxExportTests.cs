using BurdenShift.Core.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace BurdenShift.UnitTests.Exports;

public sealed class XlsxExportTests
{
    private static byte[] AreasWorkbook(bool illustrative = false)
    {
        var areas = ExportSamples.Areas();
        return XlsxExport.Write(ExportSamples.Workbook(DataExportTables.Areas(areas), DataExportTables.SourcesOf(areas), illustrative));
    }

    private static byte[] DetailWorkbook()
    {
        var detail = ExportSamples.Detail();
        return XlsxExport.Write(new ExportWorkbook("detail", ExportSamples.AsOf, false,
            [DataExportTables.Assessments(detail), DataExportTables.Targets(detail), DataExportTables.Observations(detail), DataExportTables.Milestones(detail)],
            [.. DataExportTables.SourcesOf(detail)]));
    }

    [Fact]
    public void Numbers_are_numeric_cells_and_dates_are_date_cells()
    {
        using var xlsx = new SpreadsheetReader(AreasWorkbook());

        Assert.Equal(["Areas", "Sources"], xlsx.SheetNames);
        var drones2027 = xlsx.Table("Areas")[0];
        Assert.Null(drones2027["europe_share"].Type); // no type: a number
        Assert.Equal(38.5, drones2027["europe_share"].Number);
        Assert.Equal(-2.25, drones2027["trend_per_year"].Number);
        Assert.Null(drones2027["trend_per_year"].Type);
        Assert.Equal(50, drones2027["target_value"].Number);
        Assert.Equal(3, drones2027["milestones_due"].Number);

        var deadline = drones2027["deadline"];
        Assert.Null(deadline.Type);
        Assert.Equal(new DateTime(2027, 12, 31), DateTime.FromOADate(deadline.Number));
        Assert.Equal("yyyy-mm-dd", xlsx.FormatCode(deadline.Style));
        Assert.Equal(new DateTime(2026, 6, 30), DateTime.FromOADate(drones2027["as_of"].Number));

        Assert.Equal(CellValues.InlineString, drones2027["area_key"].Type);
        Assert.Equal("drones", drones2027["area_key"].Text);
        Assert.Equal("off-track", drones2027["status"].Text);
    }

    [Fact]
    public void No_public_figure_is_an_empty_cell()
    {
        using var xlsx = new SpreadsheetReader(AreasWorkbook());

        var cyber = xlsx.Table("Areas")[2];
        Assert.Equal("cyber", cyber["area_key"].Text);
        foreach (var column in new[] { "latest_date", "europe_share", "us_share", "trend_per_year", "current", "gap", "projected", "eta", "confidence" })
        {
            Assert.False(cyber.ContainsKey(column), $"{column} should be empty");
        }
    }

    [Fact]
    public void Range_bounds_and_range_figures_are_typed_cells()
    {
        using var xlsx = new SpreadsheetReader(AreasWorkbook());

        var drones2027 = xlsx.Table("Areas")[0];
        Assert.Equal("33", drones2027["europe_share_low"].Text);
        Assert.Null(drones2027["europe_share_low"].Type); // a number cell, not text
        Assert.Equal("false", drones2027["range_robust"].Text);
        Assert.Equal("off-track", drones2027["pessimistic_status"].Text);
        Assert.Equal("on-track", drones2027["optimistic_status"].Text);
    }

    [Fact]
    public void The_header_is_bold_and_frozen_and_columns_have_widths()
    {
        using var xlsx = new SpreadsheetReader(AreasWorkbook());

        var sheet = xlsx.Worksheet("Areas");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var header = xlsx.Rows("Areas")[0];
        Assert.Equal("area_key", header["A"].Text);
        var font = xlsx.Workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)xlsx.Workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)header["A"].Style!.Value).FontId!.Value);
        Assert.NotNull(font.Bold);
        var widths = sheet.Descendants<Column>().ToList();
        Assert.Equal(48, widths.Count); // one per column of the areas table
        Assert.All(widths, c => Assert.InRange(c.Width!.Value, 8, 60));
        // The name column is wider than the key column: widths follow the content.
        Assert.True(widths[1].Width!.Value > widths[0].Width!.Value);
    }

    [Fact]
    public void The_sources_sheet_lists_every_source_cited_with_publisher_title_url_and_confidence()
    {
        using var xlsx = new SpreadsheetReader(AreasWorkbook());

        var sources = xlsx.Table("Sources");
        Assert.Equal(2, sources.Count);
        var institute = sources.Single(s => s["source_key"].Text == "example-institute");
        Assert.Equal("Example Institute", institute["publisher"].Text);
        Assert.Equal("Drone census, \"2025\" edition", institute["title"].Text);
        Assert.Equal("https://example.org/census", institute["url"].Text);
        Assert.Equal("medium", institute["confidence"].Text);
        var reuters = sources.Single(s => s["source_key"].Text == "reuters-2027");
        Assert.Equal("high", reuters["confidence"].Text);
        Assert.False(reuters.ContainsKey("url"));
    }

    [Fact]
    public void Formula_looking_text_is_neutralised_no_cell_is_a_formula_and_a_negative_number_stays_numeric()
    {
        using var xlsx = new SpreadsheetReader(DetailWorkbook());

        Assert.Equal(["Assessments", "Targets", "Observations", "Milestones", "Sources"], xlsx.SheetNames);
        var notes = xlsx.Table("Assessments").Select(r => r["note"]).ToList();
        Assert.Equal(["'+1 on last year, \"roughly\"\nsecond line", "'=HYPERLINK(\"http://evil\")", "'-2+3", "'@SUM(A1:A2)"], notes.Select(n => n.Text));
        Assert.All(notes, n => Assert.Equal(CellValues.InlineString, n.Type));
        Assert.All(xlsx.SheetNames.SelectMany(xlsx.Rows).SelectMany(r => r.Values), c => Assert.False(c.HasFormula, $"{c.Reference} is a formula"));

        var observation = xlsx.Table("Observations").Single();
        Assert.Null(observation["value"].Type);
        Assert.Equal(-1200.5, observation["value"].Number);
        Assert.Equal("'\tindented", observation["note"].Text);
        Assert.Equal(new DateTime(2025, 12, 31), DateTime.FromOADate(observation["as_of"].Number));

        var milestone = xlsx.Table("Milestones").Single();
        Assert.Equal("(all areas)", milestone["area_key"].Text);
        Assert.Equal("slipped", milestone["status"].Text);
        Assert.False(milestone.ContainsKey("completed_on"));
    }

    [Fact]
    public void The_open_xml_validator_finds_no_errors()
    {
        foreach (var bytes in new[] { AreasWorkbook(), AreasWorkbook(illustrative: true), DetailWorkbook() })
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void An_illustrative_export_says_so_in_the_sources_sheet_and_the_rows()
    {
        using var xlsx = new SpreadsheetReader(AreasWorkbook(illustrative: true));

        Assert.Contains(xlsx.Rows("Sources"), r => r.TryGetValue("A", out var c) && c.Text == "ILLUSTRATIVE");
    }
}

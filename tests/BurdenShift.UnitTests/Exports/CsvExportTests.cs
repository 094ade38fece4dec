using System.Text;
using BurdenShift.Core.Exports;
using BurdenShift.Core.Imports;

namespace BurdenShift.UnitTests.Exports;

public sealed class CsvExportTests
{
    private static string Text(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8, marked so spreadsheet programs do not guess another encoding
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
    }

    private static Dictionary<string, string> Row(List<CsvRecord> records, int index) =>
        records[0].Fields.Zip(records[index].Fields).ToDictionary(p => p.First, p => p.Second);

    [Fact]
    public void The_areas_csv_has_a_header_crlf_line_ends_and_one_row_per_area_and_target()
    {
        var text = Text(CsvExport.Write(DataExportTables.Areas(ExportSamples.Areas())));

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        var records = CsvRecords.Parse(text);
        Assert.Equal(5, records.Count);
        Assert.Equal(
            ["area_key", "area_name", "as_of", "latest_date", "latest_date_precision", "europe_share", "us_share",
             "europe_share_low", "europe_share_high", "us_share_low", "us_share_high", "share_confidence", "share_source", "share_source_key",
             "trend_per_year", "share_basis", "share_note", "target_key", "target_value", "deadline", "current", "current_date", "gap", "required_per_year", "projected", "eta",
             "years_late", "status", "confidence", "milestones_due", "milestones_done", "milestones_overdue", "target_source", "target_source_key",
             "range_robust", "pessimistic_current", "pessimistic_trend_per_year", "pessimistic_projected", "pessimistic_eta",
             "pessimistic_years_late", "pessimistic_status", "optimistic_current", "optimistic_trend_per_year", "optimistic_projected",
             "optimistic_eta", "optimistic_years_late", "optimistic_status", "illustrative"],
            records[0].Fields);

        var drones2027 = Row(records, 1);
        Assert.Equal("drones", drones2027["area_key"]);
        Assert.Equal("Drones, \"loitering\" munitions", drones2027["area_name"]); // comma and quotes round-trip
        Assert.Equal("2026-06-30", drones2027["as_of"]);
        Assert.Equal("2025-06-30", drones2027["latest_date"]);
        Assert.Equal("day", drones2027["latest_date_precision"]);
        Assert.Equal("38.5", drones2027["europe_share"]);
        Assert.Equal("55", drones2027["us_share"]);
        Assert.Equal("-2.25", drones2027["trend_per_year"]);
        Assert.Equal("2027", drones2027["target_key"]);
        Assert.Equal("2027-12-31", drones2027["deadline"]);
        Assert.Equal("11.5", drones2027["gap"]);
        Assert.Equal("off-track", drones2027["status"]);
        Assert.Equal("Reuters", drones2027["target_source"]);
        Assert.Equal("false", drones2027["illustrative"]);
        Assert.Equal("2030", Row(records, 2)["target_key"]);
    }

    [Fact]
    public void Ranges_travel_as_columns_and_a_target_without_one_leaves_them_empty()
    {
        var records = CsvRecords.Parse(Text(CsvExport.Write(DataExportTables.Areas(ExportSamples.Areas()))));

        var drones2027 = Row(records, 1);
        Assert.Equal("33", drones2027["europe_share_low"]);
        Assert.Equal("44", drones2027["europe_share_high"]);
        Assert.Equal("", drones2027["us_share_low"]);
        Assert.Equal("false", drones2027["range_robust"]);
        Assert.Equal("off-track", drones2027["pessimistic_status"]);
        Assert.Equal("on-track", drones2027["optimistic_status"]);
        Assert.Equal("53.5", drones2027["optimistic_projected"]);
        Assert.Equal("2027-06-30", drones2027["optimistic_eta"]);
        Assert.Equal("-3", drones2027["pessimistic_trend_per_year"]);

        var drones2030 = Row(records, 2);
        Assert.Equal("", drones2030["range_robust"]);
        Assert.Equal("", drones2030["pessimistic_status"]);
    }

    [Fact]
    public void No_public_figure_is_an_empty_cell_never_zero()
    {
        var records = CsvRecords.Parse(Text(CsvExport.Write(DataExportTables.Areas(ExportSamples.Areas()))));

        var cyber = Row(records, 3);
        Assert.Equal("cyber", cyber["area_key"]);
        foreach (var column in new[] { "latest_date", "latest_date_precision", "europe_share", "us_share", "share_confidence", "share_source", "trend_per_year", "current", "gap", "projected", "eta" })
        {
            Assert.Equal("", cyber[column]);
        }

        Assert.Equal("no-data", cyber["status"]);
        Assert.Contains("\r\ncyber,Cyber,2026-06-30,,,,,,,,,,,,,assessed,,2027,50,", Text(CsvExport.Write(DataExportTables.Areas(ExportSamples.Areas()))), StringComparison.Ordinal);
    }

    [Fact]
    public void Formula_looking_text_is_neutralised_while_a_negative_number_stays_a_plain_number()
    {
        var detail = ExportSamples.Detail();
        var assessments = Text(CsvExport.Write(DataExportTables.Assessments(detail)));
        var observations = Text(CsvExport.Write(DataExportTables.Observations(detail)));

        var notes = CsvRecords.Parse(assessments).Skip(1).Select(r => r.Fields[^1]).ToList();
        Assert.Equal(["'+1 on last year, \"roughly\"\nsecond line", "'=HYPERLINK(\"http://evil\")", "'-2+3", "'@SUM(A1:A2)"], notes);
        // In the raw file no field starts with a formula character, quoted or not.
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n", assessments, StringComparison.Ordinal);
        Assert.Contains(",'-2+3\r\n", assessments, StringComparison.Ordinal);

        var observation = CsvRecords.Parse(observations)[1].Fields;
        Assert.Equal("-1200.5", observation[5]); // a negative value: unquoted, unprefixed
        Assert.Contains(",-1200.5,", observations, StringComparison.Ordinal);
        Assert.Equal("'\tindented", observation[^1]);
    }

    [Fact]
    public void Quotes_commas_and_line_breaks_round_trip_through_the_import_parser()
    {
        var table = new ExportTable("t", [new("a", ExportColumnKind.Text), new("b", ExportColumnKind.Text), new("n", ExportColumnKind.Number)],
        [
            ["plain", "with, comma", 1m],
            ["\"quoted\"", "two\r\nlines", 2.50m],
            ["", null, null],
        ]);

        var records = CsvRecords.Parse(Text(CsvExport.Write(table)));

        Assert.Equal(["plain", "with, comma", "1"], records[1].Fields);
        Assert.Equal(["\"quoted\"", "two\r\nlines", "2.5"], records[2].Fields);
        Assert.Equal(["", "", ""], records[3].Fields);
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line)); // the quoted line break spans two lines
    }
}

using System.Text;

namespace BurdenShift.Core.Exports;

/// <summary>
/// Writes a table as RFC 4180 CSV: UTF-8 (with a byte order mark, so spreadsheet programs do not
/// guess another encoding), CRLF line ends, a header row. A field is quoted when it holds a comma,
/// a quote or a line break. Numbers are plain invariant numbers (a dot for decimals, a leading
/// minus when negative), dates YYYY-MM-DD, empty cells empty; text is neutralised against formulas.
/// </summary>
public static class CsvExport
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(ExportTable table)
    {
        var sb = new StringBuilder();
        AppendRecord(sb, table.Columns.Select(c => Quote(SpreadsheetText.Neutralise(c.Header))));
        foreach (var row in table.Rows)
        {
            AppendRecord(sb, row.Select(Field));
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(sb.ToString())];
    }

    /// <summary>Writes the table to <paramref name="output"/> row by row, as its rows arrive.</summary>
    public static async Task WriteAsync(Stream output, StreamedTable table, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        var sb = new StringBuilder();
        AppendRecord(sb, table.Columns.Select(c => Quote(SpreadsheetText.Neutralise(c.Header))));
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            AppendRecord(sb, row.Select(Field));
            if (sb.Length > 32 * 1024)
            {
                await writer.WriteAsync(sb, ct);
                sb.Clear();
            }
        }

        await writer.WriteAsync(sb, ct);
        await writer.FlushAsync(ct);
    }

    private static void AppendRecord(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(',', fields);
        sb.Append("\r\n");
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        decimal d => d.Normalize().ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(InputRules.DateFormat, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => Quote(SpreadsheetText.Neutralise(s)),
        _ => throw new ArgumentException($"A cell of type {value.GetType().Name} cannot be exported.", nameof(value)),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}

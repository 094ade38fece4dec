using System.Text;

namespace BurdenShift.Core.Imports;

/// <summary>One CSV record and the line it starts on (1-based).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader: comma-separated, fields optionally in double quotes, "" for a quote inside
/// quotes, line breaks (LF or CRLF) allowed inside quoted fields. Small enough to own, and it
/// reports the line each record starts on, which import messages need.
/// </summary>
public static class CsvRecords
{
    /// <exception cref="FormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static List<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1; // byte order mark
        }

        var atFieldStart = true;
        var quoted = false;
        var afterQuote = false;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    afterQuote = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, [.. fields]));
                    fields.Clear();
                    line++;
                    recordLine = line;
                    atFieldStart = true;
                    afterQuote = false;
                    break;
                default:
                    if (afterQuote)
                    {
                        throw new FormatException($"Line {line}: text after a closing quote; a quote inside a quoted field is written \"\".");
                    }

                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {recordLine}: a quoted field is not closed.");
        }

        if (fields.Count > 0 || field.Length > 0 || !atFieldStart || afterQuote)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, [.. fields]));
        }

        return records;
    }
}

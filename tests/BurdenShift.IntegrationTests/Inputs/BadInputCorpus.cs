namespace BurdenShift.IntegrationTests.Inputs;

internal sealed record FileCase(string Name, string FileName, byte[] Bytes);

internal sealed record QueryCase(string Name, string Url, bool IsPage);

internal sealed record FormCase(string Name, FigureKind Kind, string Parent, Dictionary<string, string?> Values, string Field);

internal sealed record CliCase(string Name, string[] Args, string? Stdin = null);

/// <summary>
/// The bad inputs the corpus test tries, generated from a few valid rows and forms by changing
/// one thing at a time to a value the input domain must refuse. Every CSV case keeps a valid row
/// before the bad one, so a partial write would show.
/// </summary>
internal static class BadInputCorpus
{
    public const string ShareHeader = "area,as_of,europe_share,us_share,source,confidence,note,source_url";
    public const string ObservationHeader = "indicator,as_of,value,source,confidence,note,source_url";

    public static readonly string[] BadDates =
    [
        "0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2025-02-30", "2025-13-01", "25-06-30", "2025/06/30",
        "2025-06-30T00:00:00", "30/06/2025", "2025-6-30", "\0", "2025-06-30\0", "٢٠٢٥-٠٦-٣٠", "",
    ];

    public static readonly string[] BadTexts =
    [
        "\0", "a\0b", "line\nbreak", "\u001b[31mred", "\u007f", "bell\u0007", "a\u0085b", "a\u200bb\u0000",
    ];

    /// <summary>Only a string can hold these; in a file's UTF-8 they become U+FFFD, which is valid text.</summary>
    public static readonly string[] BrokenSurrogates = ["a\uD800b", "a\uDC00"];

    public static readonly string[] BadNotes = ["\0", "a\0b", new('n', 2001), "\u0001", "bell\u0007", "a\u001fb"];

    public static readonly string[] BadUrls =
    [
        "javascript:alert(1)", "JAVASCRIPT:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
        "file:///etc/passwd", "ftp://example.org/x", "//example.org/x", "example.org/x", "http://", "https://example.org/" + new string('a', 1000),
        "https://exa\0mple.org", "mailto:a@example.org", "javascript://example.org/%0aalert(1)",
    ];

    private static readonly Dictionary<string, string> ShareRow = new()
    {
        ["area"] = "drones",
        ["as_of"] = "2025-06-30",
        ["europe_share"] = "38.5",
        ["us_share"] = "55",
        ["source"] = "reuters-2027",
        ["confidence"] = "medium",
        ["note"] = "ok",
        ["source_url"] = "",
    };

    public static IEnumerable<(string Column, string Value)> ShareMutations()
    {
        foreach (var v in BadDates)
        {
            yield return ("as_of", v);
        }

        foreach (var v in new[] { "abc", "1e5", "1,5", "NaN", "Infinity", "-1", "101", "38.55555", "99999999999999999999999999999", "0x10", "--5", "5-", "½", "1 000", "\0" })
        {
            yield return ("europe_share", v);
        }

        foreach (var v in new[] { "-0.1", "100.1", "70", "NaN" })
        {
            yield return ("us_share", v);
        }

        foreach (var v in BadTexts.Append("").Append(new string('s', 301)))
        {
            yield return ("source", v);
        }

        foreach (var v in new[] { "", "very high", "1", "\0", "hígh" })
        {
            yield return ("confidence", v);
        }

        foreach (var v in BadNotes)
        {
            yield return ("note", v);
        }

        foreach (var v in BadUrls)
        {
            yield return ("source_url", v);
        }

        foreach (var v in new[] { "nope", "", "ISR", "drones\0", "' OR 1=1 --", new string('a', 5000) })
        {
            yield return ("area", v);
        }
    }

    public static IEnumerable<FileCase> Csv(string indicatorKey)
    {
        var columns = ShareHeader.Split(',');
        var good = Line(columns.Select(c => ShareRow[c]));
        foreach (var (column, value) in ShareMutations())
        {
            var row = columns.Select(c => c == column ? value : ShareRow[c]).ToList();
            if (column == "europe_share" && value.Length == 0)
            {
                continue;
            }

            yield return Text($"csv share {column}={Show(value)}", $"{ShareHeader}\n{good}\n{Line(row)}\n");
        }

        yield return Text("csv share both shares empty", $"{ShareHeader}\n{good}\n{Line(row: ["drones", "2025-06-30", "", "", "reuters-2027", "medium", "", ""])}\n");

        var obs = new Dictionary<string, string>
        {
            ["indicator"] = indicatorKey,
            ["as_of"] = "2025-06-30",
            ["value"] = "12",
            ["source"] = "reuters-2027",
            ["confidence"] = "low",
            ["note"] = "",
            ["source_url"] = "",
        };
        var obsColumns = ObservationHeader.Split(',');
        var goodObs = Line(obsColumns.Select(c => obs[c]));
        var obsMutations = new (string Column, string Value)[]
        {
            ("indicator", "nope"), ("indicator", ""), ("value", "abc"), ("value", ""), ("value", "1e400"), ("value", "1e5"),
            ("value", "99999999999999999999"), ("value", "1.1234567"), ("value", "NaN"), ("as_of", "0001-01-01"), ("as_of", "9999-12-31"),
            ("as_of", "2101-01-01"), ("note", "\0"), ("source_url", "javascript:alert(1)"),
        };
        foreach (var (column, value) in obsMutations)
        {
            yield return Text($"csv observation {column}={Show(value)}", $"{ObservationHeader}\n{goodObs}\n{Line(obsColumns.Select(c => c == column ? value : obs[c]))}\n");
        }

        foreach (var (name, header) in new[]
        {
            ("duplicate note", ShareHeader.Replace("source_url", "note", StringComparison.Ordinal)),
            ("duplicate by case", ShareHeader.Replace("source_url", "AREA", StringComparison.Ordinal)),
            ("unknown column", ShareHeader.Replace("source_url", "extra", StringComparison.Ordinal)),
            ("nameless column", ShareHeader.Replace("source_url", "", StringComparison.Ordinal)),
            ("missing confidence", ShareHeader.Replace("confidence,", "", StringComparison.Ordinal)),
            ("unknown first column", "region" + ShareHeader[4..]),
            ("NUL in a column name", ShareHeader.Replace("note", "no\0te", StringComparison.Ordinal)),
            ("duplicate source_url", ShareHeader + ",source_url"),
            ("1000 columns", ShareHeader + "," + string.Join(',', Enumerable.Range(1, 1000).Select(i => $"c{i}"))),
        })
        {
            yield return Text($"csv header {name}", $"{header}\n{good}\n");
        }

        yield return Text("csv header only", ShareHeader + "\n");
        yield return Text("csv empty", "");
        yield return Text("csv byte order mark only", "\uFEFF");
        yield return Text("csv blank lines", "\n\n  \n");
        yield return new FileCase("csv not UTF-8", "bad.csv", [.. Encoding.UTF8.GetBytes(ShareHeader + "\n"), 0xC3, 0x28, 0xFF, 0xFE, (byte)'\n']);
        yield return Text("csv unclosed quote", $"{ShareHeader}\n{good}\ndrones,\"2025-06-30,38.5\n");
        yield return Text("csv text after a closing quote", $"{ShareHeader}\n{good}\ndrones,\"2025-06-30\"x,38.5,55,reuters-2027,medium,,\n");
        yield return Text("csv row with more fields", $"{ShareHeader}\n{good}\n{good},extra\n");
        yield return Text("csv row with fewer fields", $"{ShareHeader}\n{good}\ndrones,2025-06-30,38.5\n");
    }

    public static IEnumerable<FileCase> Xlsx()
    {
        var columns = ShareHeader.Split(',');
        var good = columns.Select(c => ShareRow[c]).ToList();
        var i = 0;
        foreach (var (column, value) in ShareMutations())
        {
            // XML cannot carry most control characters: those are their own cases below.
            if (i++ % 3 != 0 || value.Any(c => char.IsControl(c) && c is not '\n' and not '\t') || value.Any(char.IsSurrogate) || (column == "europe_share" && value.Length == 0))
            {
                continue;
            }

            var row = columns.Select(c => c == column ? value : ShareRow[c]).ToList();
            yield return new FileCase($"xlsx share {column}={Show(value)}", "bad.xlsx", RawWorkbook.FromRows([columns, good, row]));
        }

        yield return new FileCase("xlsx duplicate header note", "bad.xlsx", RawWorkbook.FromRows([[.. columns[..^1], "note"], good]));
        yield return new FileCase("xlsx unknown header", "bad.xlsx", RawWorkbook.FromRows([[.. columns[..^1], "extra"], good]));
        yield return Hostile("header cell at column AAAAAA", HeaderCells(columns) + RawWorkbook.InlineCell("AAAAAA1", "x") + "</row>" + GoodRows(columns, good, 12));
        yield return Hostile("header cell at column XFD", HeaderCells(columns) + RawWorkbook.InlineCell("XFD1", "x") + "</row>" + GoodRows(columns, good, 2));
        yield return Hostile("cell reference overflowing an int", HeaderCells(columns) + RawWorkbook.InlineCell("AAAAAAAAAAAAAAAAAAAA1", "x") + "</row>");
        yield return Hostile("row number past the last row", HeaderCells(columns) + "</row><row r=\"4294967295\">" + RawWorkbook.InlineCell("A4294967295", "drones") + "</row>");
        yield return Hostile("a cell of 40,000 characters", HeaderCells(columns) + "</row><row r=\"2\">" + RawWorkbook.InlineCell("G2", new string('x', 40_000)) + "</row>");
        yield return Hostile("shared string that does not exist", HeaderCells(columns) + "</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>");
        yield return Hostile("NUL character reference", HeaderCells(columns) + "</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&#0;</t></is></c></row>");
        yield return Hostile("70 columns in a row", HeaderCells(columns) + "</row><row r=\"2\">" + string.Concat(Enumerable.Range(0, 70).Select(c => RawWorkbook.InlineCell($"{RawWorkbook.Column(c)}2", "x"))) + "</row>");
        yield return Hostile("no rows", "");
        yield return Hostile("not XML inside", "<row r=\"1\"><c r=\"A1\"");
        yield return new FileCase("xlsx not a zip", "bad.xlsx", Encoding.UTF8.GetBytes(ShareHeader + "\n"));
        yield return new FileCase("xlsx zip without a workbook", "bad.xlsx", RawWorkbook.ZipWithout());
        yield return new FileCase("xlsx empty file", "bad.xlsx", []);
    }

    public static IEnumerable<QueryCase> Queries(string indicatorKey)
    {
        var asOfs = new[] { "0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2025-02-30", "yesterday", "2025-06-30%00", "%E2%80%AE2025-06-30", new string('9', 3000) };
        var apis = new[] { "/api/areas", "/api/areas/isr", "/api/indicators", "/api/index" };
        var charts = new[] { "/api/export/chart/isr.png", "/api/export/chart/isr.svg", $"/api/export/chart/indicator/{indicatorKey}.png", "/api/export/chart/index.png" };
        var data = new[] { "/api/export/data/areas.csv", "/api/export/data/areas.xlsx", "/api/export/data/areas/isr.csv", "/api/export/data/indicators.csv", "/api/export/data/index.xlsx" };
        foreach (var path in apis.Concat(charts).Concat(data))
        {
            foreach (var asOf in asOfs)
            {
                yield return new QueryCase($"{path} asOf={Show(asOf)}", $"{path}?asOf={asOf}", false);
            }
        }

        foreach (var path in new[] { "/api/export/pack.pptx", "/api/export/pack.pdf" })
        {
            foreach (var asOf in new[] { "0001-01-01", "9999-12-31", "2101-01-01", "x" })
            {
                yield return new QueryCase($"{path} asOf={asOf}", $"{path}?asOf={asOf}", false);
            }
        }

        // knownAt (knowledge time): not a moment, outside the dates the domain allows, or later than now.
        var knownAts = new[]
        {
            "2099-01-01", "2099-01-01T00:00:00Z", "9999-12-31", "1899-12-31T23:59:59Z", "2026-02-30", "2026-03-15T25:00:00Z",
            "2026-03-15 09:30", "2026-03-15T09:30:00+25:00", "yesterday", "%00", "2026-03-15%00", new string('9', 3000),
        };
        foreach (var path in apis.Concat(charts).Concat(["/api/export/pack.pdf", "/api/areas/isr/assessments", "/api/areas/isr/scenario?pace=1"]))
        {
            foreach (var knownAt in knownAts)
            {
                yield return new QueryCase($"{path} knownAt={Show(knownAt)}", $"{path}{(path.Contains('?') ? '&' : '?')}knownAt={knownAt}", false);
            }
        }

        // The data exports allow 60 a minute per client: a few of them, read by the same code.
        foreach (var path in new[] { "/api/export/data/areas.xlsx", "/api/export/data/areas/isr.csv" })
        {
            foreach (var knownAt in new[] { "2099-01-01", "2026-02-30", "%00" })
            {
                yield return new QueryCase($"{path} knownAt={Show(knownAt)}", $"{path}?knownAt={knownAt}", false);
            }
        }

        foreach (var q in new[]
        {
            "/api/export/chart/isr.png?width=abc", "/api/export/chart/isr.png?width=99999999999", "/api/export/chart/isr.png?width=-1",
            "/api/export/chart/isr.png?height=0", "/api/export/chart/isr.png?scale=3", "/api/export/chart/isr.png?targets=2099",
            "/api/export/chart/isr.png?targets=", "/api/export/pack.pdf?areas=nope", "/api/export/pack.pdf?areas=isr,%00",
            "/api/export/data/areas/isr.csv?table=passwords", "/api/export/data/areas.exe", "/api/areas/..%2f..%2fetc%2fpasswd", "/api/areas?asOf=2025-01-01&asOf=2026-01-01",
            "/api/areas/isr/scenario", "/api/areas/isr/scenario?pace=", "/api/areas/isr/scenario?pace=abc", "/api/areas/isr/scenario?pace=1e400",
            "/api/areas/isr/scenario?pace=%00", "/api/areas/isr/scenario?pace=99999999999999999999999999999", "/api/areas/isr/scenario?pace=-0.0000001",
            "/api/areas/isr/scenario?pace=1&asOf=9999-12-31", "/api/areas/isr/scenario?pace=1&pace=2", $"/api/indicators/{indicatorKey}/scenario?pace=NaN",
            "/api/export/chart/isr.png?pace=Infinity", "/api/export/chart/index.svg?pace=1", $"/api/export/chart/indicator/{indicatorKey}.svg?pace=1,5",
        })
        {
            yield return new QueryCase(q, q, false);
        }

        foreach (var q in new[]
        {
            "/?asOf=0001-01-01", "/?asOf=9999-12-31", "/areas/isr?asOf=2101-01-01", "/compare?asOf=1899-12-31",
            "/changes?asOf=0001-01-01", "/changes?asOf=9999-12-31", "/changes?from=0001-01-01", "/sources?asOf=%00",
            "/areas/isr?pace=abc", "/areas/isr?pace=1e999", "/areas/isr?pace=%00", "/areas/isr?pace=99999999999999999999999999999",
            "/?knownAt=2099-01-01", "/areas/isr?knownAt=yesterday", "/compare?knownAt=%00", "/briefing-pack?knownAt=2026-02-30",
            "/methodology?knownAt=2099-01-01T00:00:00Z",
        })
        {
            yield return new QueryCase($"page {q}", q, true);
        }
    }

    public static IEnumerable<FormCase> Forms(string indicatorKey)
    {
        Dictionary<string, string?> Assessment() => new() { ["asOf"] = "2026-06-30", ["europeShare"] = "40", ["usShare"] = "50", ["confidence"] = "medium", ["source"] = "reuters-2027", ["note"] = "" };
        Dictionary<string, string?> NewSource() => new() { ["asOf"] = "2026-06-30", ["europeShare"] = "40", ["usShare"] = "50", ["confidence"] = "medium", ["source"] = "", ["sourcePublisher"] = "Example", ["sourceTitle"] = "Report", ["sourceUrl"] = "https://example.org" };
        Dictionary<string, string?> Observation() => new() { ["asOf"] = "2026-06-30", ["value"] = "12", ["confidence"] = "low", ["source"] = "reuters-2027" };
        Dictionary<string, string?> Target() => new() { ["key"] = "2035", ["label"] = "By 2035", ["value"] = "60", ["deadline"] = "2035-12-31", ["rationale"] = "Why", ["source"] = "reuters-2027" };
        Dictionary<string, string?> Milestone() => new() { ["title"] = "Delivery", ["due"] = "2027-01-01", ["status"] = "planned", ["source"] = "reuters-2027" };
        Dictionary<string, string?> Area() => new() { ["key"] = "space-lift", ["name"] = "Space lift", ["weight"] = "1" };

        IEnumerable<FormCase> Vary(FigureKind kind, string parent, Func<Dictionary<string, string?>> valid, string field, IEnumerable<string> values) =>
            values.Select(v =>
            {
                var form = valid();
                form[field] = v;
                return new FormCase($"form {kind} {field}={Show(v)}", kind, parent, form, field);
            });

        var dates = new[] { "0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2025-02-30", "30/06/2025" };
        var numbers = new[] { "abc", "1e5", "NaN", "1,5", "99999999999999999999" };
        return
        [
            .. Vary(FigureKind.Assessment, "drones", Assessment, "asOf", dates),
            .. Vary(FigureKind.Assessment, "drones", Assessment, "europeShare", [.. numbers, "101", "38.55555"]),
            .. Vary(FigureKind.Assessment, "drones", Assessment, "confidence", ["", "extreme"]),
            .. Vary(FigureKind.Assessment, "drones", Assessment, "note", [.. BadNotes, .. BrokenSurrogates]),
            .. Vary(FigureKind.Assessment, "drones", NewSource, "sourceUrl", BadUrls[..6]),
            .. Vary(FigureKind.Assessment, "drones", NewSource, "sourcePublisher", ["\0", "a\nb", new string('p', 301)]),
            .. Vary(FigureKind.Assessment, "drones", NewSource, "sourceTitle", ["\u0007", new string('t', 501)]),
            .. Vary(FigureKind.Observation, indicatorKey, Observation, "value", [.. numbers, "1.1234567"]),
            .. Vary(FigureKind.Observation, indicatorKey, Observation, "asOf", dates[..4]),
            .. Vary(FigureKind.Observation, indicatorKey, Observation, "note", ["\0", new string('n', 2001)]),
            .. Vary(FigureKind.Target, "drones", Target, "key", [new string('k', 41), "a\0"]),
            .. Vary(FigureKind.Target, "drones", Target, "label", ["\u001b[0m", new string('l', 201)]),
            .. Vary(FigureKind.Target, "drones", Target, "value", ["101", "-1", "abc"]),
            .. Vary(FigureKind.Target, "drones", Target, "deadline", dates[..4]),
            .. Vary(FigureKind.Target, "drones", Target, "rationale", ["\0", new string('r', 2001)]),
            .. Vary(FigureKind.Milestone, "drones", Milestone, "title", ["\0", "two\nlines", new string('m', 501)]),
            .. Vary(FigureKind.Milestone, "drones", Milestone, "due", dates[..4]),
            .. Vary(FigureKind.Milestone, "drones", Milestone, "status", ["exploded", ""]),
            .. Vary(FigureKind.Milestone, "drones", Milestone, "note", ["\0"]),
            .. Vary(FigureKind.Area, "", Area, "key", ["Bad Key", new string('a', 61), "index", "a\0"]),
            .. Vary(FigureKind.Area, "", Area, "name", ["\0", new string('n', 201)]),
            .. Vary(FigureKind.Area, "", Area, "description", ["\0"]),
            .. Vary(FigureKind.Area, "", Area, "weight", ["101", "1e3", "-1"]),
        ];
    }

    /// <summary>Argument lists the CLI must refuse without starting anything (or with a configuration error).</summary>
    public static IEnumerable<CliCase> Cli(string sqliteFolderMissing)
    {
        foreach (var word in new[] { "bakup", "restores", "serve", "imprt", "IMPORT", "Import", "help", "users-add", "Backup", "dump" })
        {
            yield return new CliCase($"cli unknown verb {word}", [word, "x.csv"]);
        }

        yield return new CliCase("cli backup without a file", ["backup"]);
        yield return new CliCase("cli backup --include-accounts only", ["backup", "--include-accounts"]);
        yield return new CliCase("cli restore without a file", ["restore"]);
        yield return new CliCase("cli restore of a missing file", ["restore", "no-such-file.zip"]);
        yield return new CliCase("cli restore with --include-accounts", ["restore", "x.zip", "--include-accounts"]);

        yield return new CliCase("cli import without a file", ["import"]);
        yield return new CliCase("cli import --dry-run only", ["import", "--dry-run"]);
        yield return new CliCase("cli import of a missing file", ["import", "no-such-file.csv"]);
        yield return new CliCase("cli import of a folder", ["import", Path.GetTempPath()]);
        yield return new CliCase("cli users", ["users"]);
        yield return new CliCase("cli users add", ["users", "add"]);
        yield return new CliCase("cli users add without role", ["users", "add", "--email", "a@example.org"]);
        yield return new CliCase("cli users add with an unknown role", ["users", "add", "--email", "a@example.org", "--role", "God"]);
        yield return new CliCase("cli users add without a password", ["users", "add", "--email", "a@example.org", "--role", "Editor"], "");
        yield return new CliCase("cli import provider Oracle", ["import", "{good}", "--Database:Provider", "Oracle"]);
        yield return new CliCase("cli import Postgres without a connection string", ["import", "{good}", "--Database:Provider", "Postgres", "--ConnectionStrings:BurdenShift", ""]);
        yield return new CliCase("cli import malformed connection string", ["import", "{good}", "--Database:Provider", "Sqlite", "--ConnectionStrings:BurdenShift", "Data Source=x.db;Colour=blue"]);
        yield return new CliCase("cli import into a missing folder", ["import", "{good}", "--Database:Provider", "Sqlite", "--ConnectionStrings:BurdenShift", $"Data Source={sqliteFolderMissing}/x.db"]);
        yield return new CliCase("cli import unknown dataset", ["import", "{good}", "--Seed:Dataset", "everything"]);
        yield return new CliCase("cli import migrate maybe", ["import", "{good}", "--Database:MigrateOnStartup", "maybe"]);
    }

    private static FileCase Hostile(string name, string sheetData) => new($"xlsx {name}", "hostile.xlsx", RawWorkbook.FromSheetData(sheetData));

    private static string HeaderCells(string[] columns) =>
        "<row r=\"1\">" + string.Concat(columns.Select((c, i) => RawWorkbook.InlineCell($"{RawWorkbook.Column(i)}1", c)));

    private static string GoodRows(string[] columns, List<string> good, int count) =>
        string.Concat(Enumerable.Range(2, count).Select(r =>
            $"<row r=\"{r}\">" + string.Concat(good.Select((v, i) => v.Length == 0 ? "" : RawWorkbook.InlineCell($"{RawWorkbook.Column(i)}{r}", v))) + "</row>"));

    private static FileCase Text(string name, string text) => new(name, "bad.csv", Encoding.UTF8.GetBytes(text));

    private static string Line(IEnumerable<string> row) => string.Join(',', row.Select(v => "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    public static string Show(string value) => value.Length > 24 ? $"{value[..12].Replace("\0", "\\0", StringComparison.Ordinal)}…({value.Length})"
        : new string([.. value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
}

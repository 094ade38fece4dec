namespace BurdenShift.Core.Imports;

/// <summary>
/// Reads an import file's records into rows to write, checking every row against the registry
/// and the figure rules; a bad row is reported with its line number and every reason at once.
/// </summary>
internal static class ImportFileParser
{
    public static readonly IReadOnlyList<string> ShareColumns = ["area", "as_of", "europe_share", "us_share", "source", "confidence", "note"];
    public static readonly IReadOnlyList<string> ObservationColumns = ["indicator", "as_of", "value", "source", "confidence", "note"];
    private const string OptionalColumn = "source_url";

    /// <summary>Optional range columns (docs/methodology.md, "Ranges"): empty or absent, no bound.</summary>
    public static readonly IReadOnlyList<string> ShareRangeColumns = ["europe_share_low", "europe_share_high", "us_share_low", "us_share_high"];
    public static readonly IReadOnlyList<string> ObservationRangeColumns = ["low", "high"];

    public static async Task<ParsedImport> ParseAsync(string text, List<CsvRecord>? sheet, BurdenShiftDbContext db, CancellationToken ct)
    {
        var result = new ParsedImport();
        List<CsvRecord> records;
        try
        {
            records = sheet ?? CsvRecords.Parse(text);
        }
        catch (FormatException ex)
        {
            result.Problems.Add(new ImportProblem(0, ex.Message));
            return result;
        }

        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            result.Problems.Add(new ImportProblem(1, "The file is empty: it needs a header row and at least one row."));
            return result;
        }

        var header = records[0].Fields;
        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var duplicates = columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => Named(g.Key)).ToList();
        if (duplicates.Count > 0)
        {
            // Two columns of one name would leave one of them silently unread.
            result.Problems.Add(new ImportProblem(1, $"The header names a column twice: {string.Join(", ", duplicates)}. Keep one of each."));
            return result;
        }

        result.Kind = columns[0] switch
        {
            "area" => ImportKind.ShareAssessments,
            "indicator" => ImportKind.IndicatorObservations,
            _ => ImportKind.Unknown,
        };
        var expected = result.Kind == ImportKind.IndicatorObservations ? ObservationColumns : ShareColumns;
        var optional = result.Kind == ImportKind.IndicatorObservations ? ObservationRangeColumns : ShareRangeColumns;
        var missing = expected.Where(c => !columns.Contains(c)).ToList();
        var unknown = columns.Where(c => !expected.Contains(c) && !optional.Contains(c) && c != OptionalColumn).Select(Named).ToList();
        if (result.Kind == ImportKind.Unknown || missing.Count > 0 || unknown.Count > 0)
        {
            result.Problems.Add(new ImportProblem(1,
                $"The header must be '{string.Join(',', ShareColumns)}' (share assessments) or " +
                $"'{string.Join(',', ObservationColumns)}' (indicator observations), with an optional {OptionalColumn} " +
                $"and optional range columns ({string.Join(", ", ShareRangeColumns)}; {string.Join(", ", ObservationRangeColumns)})" +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "") +
                (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "") + "."));
            return result;
        }

        var index = columns.Select((c, i) => (c, i)).GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.First().i);
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Key, a.Id }).ToDictionaryAsync(a => a.Key, a => a.Id, ct);
        var indicators = await db.Indicators.AsNoTracking().Select(i => new { i.Key, i.Id }).ToDictionaryAsync(i => i.Key, i => i.Id, ct);
        var sources = await db.Sources.AsNoTracking().Select(s => new { s.Key, s.Id }).ToDictionaryAsync(s => s.Key, s => s.Id, ct);
        var sourceKeys = sources.Keys.ToHashSet(StringComparer.Ordinal);

        foreach (var (line, record) in records.Skip(1))
        {
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue; // a blank line, typically at the end of the file
            }

            string Field(string name) => index.TryGetValue(name, out var i) && i < record.Count ? record[i].Trim() : "";
            var errors = new List<string>();
            if (record.Count != columns.Length)
            {
                errors.Add($"has {record.Count} fields where the header has {columns.Length}");
            }

            var date = Read("as_of", TypedValues.Date(Field("as_of")), errors) ?? default;
            var confidence = Read("confidence", TypedValues.Confidence(Field("confidence")), errors);

            var note = Field("note");
            if (InputRules.TextProblem(note, ColumnLimits.Note, multiline: true) is { } noteProblem)
            {
                errors.Add($"note {noteProblem}");
            }

            var source = ResolveSource(Field("source"), Field(OptionalColumn), confidence ?? Confidence.Low, sourceKeys, result, errors);

            ImportRow? row = null;
            if (result.Kind == ImportKind.ShareAssessments)
            {
                var areaKey = Field("area");
                if (!areas.TryGetValue(areaKey, out var areaId))
                {
                    errors.Add(areaKey.Length == 0 ? "area is empty" : $"area '{InputRules.Shown(areaKey)}' does not exist (known: {string.Join(", ", areas.Keys.Order())})");
                }

                var europe = Optional("europe_share", TypedValues.Share(Field("europe_share")), errors);
                var us = Optional("us_share", TypedValues.Share(Field("us_share")), errors);
                var unparsed = (europe is null && Field("europe_share").Length > 0) || (us is null && Field("us_share").Length > 0);
                if (!unparsed)
                {
                    errors.AddRange(FigureRules.ShareProblems("europe_share", europe, "us_share", us).Select(p => p.Message));
                }

                var bounds = ShareRangeColumns.Select(column => (Column: column, Value: Optional(column, TypedValues.Share(Field(column)), errors))).ToArray();
                if (!unparsed && bounds.All(b => b.Value is not null || Field(b.Column).Length == 0))
                {
                    errors.AddRange(FigureRules.RangeProblems("europe_share", europe, "europe_share_low", bounds[0].Value, "europe_share_high", bounds[1].Value, share: true)
                        .Concat(FigureRules.RangeProblems("us_share", us, "us_share_low", bounds[2].Value, "us_share_high", bounds[3].Value, share: true))
                        .Select(p => p.Message));
                }

                row = new ImportRow(areaId, 0, date, europe, us, 0m, confidence ?? Confidence.Low, source, NullIfEmpty(note))
                {
                    Line = line,
                    Key = areaKey,
                    Bounds = new ImportBounds(bounds[0].Value, bounds[1].Value, bounds[2].Value, bounds[3].Value, null, null),
                };
            }
            else
            {
                var indicatorKey = Field("indicator");
                if (!indicators.TryGetValue(indicatorKey, out var indicatorId))
                {
                    errors.Add(indicatorKey.Length == 0 ? "indicator is empty" : $"indicator '{InputRules.Shown(indicatorKey)}' does not exist");
                }

                var value = Read("value", TypedValues.Value(Field("value")), errors);
                var low = Optional("low", TypedValues.Value(Field("low")), errors);
                var high = Optional("high", TypedValues.Value(Field("high")), errors);
                if (value is not null && (low is not null || Field("low").Length == 0) && (high is not null || Field("high").Length == 0))
                {
                    errors.AddRange(FigureRules.RangeProblems("value", value, "low", low, "high", high, share: false).Select(p => p.Message));
                }

                row = new ImportRow(0, indicatorId, date, null, null, value ?? 0m, confidence ?? Confidence.Low, source, NullIfEmpty(note))
                {
                    Line = line,
                    Key = indicatorKey,
                    Bounds = new ImportBounds(null, null, null, null, low, high),
                };
            }

            if (errors.Count > 0)
            {
                result.Problems.Add(new ImportProblem(line, string.Join("; ", errors)));
            }
            else
            {
                result.Rows.Add(row);
            }
        }

        if (result.Rows.Count == 0 && result.Problems.Count == 0)
        {
            result.Problems.Add(new ImportProblem(1, "The file has a header but no rows."));
        }

        // Existing sources are referenced by id, new ones by the entity written in the same transaction.
        foreach (var row in result.Rows)
        {
            row.SourceId = row.SourceKey is { } k && sources.TryGetValue(k, out var id) ? id : 0;
            row.NewSource = row.SourceKey is { } nk && result.NewSources.TryGetValue(nk, out var s) ? s : null;
        }

        return result;
    }

    private static string? ResolveSource(string source, string url, Confidence confidence, HashSet<string> known, ParsedImport file, List<string> errors)
    {
        if (source.Length == 0)
        {
            errors.Add("source is empty: every figure needs one (a registry key, or a citation)");
            return null;
        }

        if (InputRules.TextProblem(source, ColumnLimits.SourcePublisher, multiline: false) is { } sourceProblem)
        {
            errors.Add($"source {sourceProblem}");
            return null;
        }

        if (url.Length > 0 && InputRules.UrlProblem(url) is { } urlProblem)
        {
            errors.Add($"source_url {urlProblem}");
            return null;
        }

        if (known.Contains(source))
        {
            return source;
        }

        // A citation not yet in the registry: add it once per file.
        var citation = (source, url);
        if (!file.CitationKeys.TryGetValue(citation, out var key))
        {
            key = UniqueKey(source, known);
            known.Add(key);
            file.CitationKeys[citation] = key;
            file.NewSources[key] = new Source
            {
                Key = key,
                Publisher = source,
                Title = source,
                Url = url.Length > 0 ? url : null,
                Confidence = confidence,
                Note = "Added by a CSV import; an editor may complete the publisher and title.",
                EnteredBy = "",
            };
        }

        return key;
    }

    private static string UniqueKey(string citation, HashSet<string> known)
    {
        var slug = new string([.. citation.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]);
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        var stem = "import-" + (slug.Length > 60 ? slug[..60] : slug);
        var key = stem;
        for (var n = 2; known.Contains(key); n++)
        {
            key = $"{stem}-{n}";
        }

        return key;
    }

    /// <summary>A required value: a problem (or "is empty") goes to the row's errors after the column's name.</summary>
    internal static T? Read<T>(string column, Typed<T> typed, List<string> errors)
        where T : struct
    {
        if (typed.Problem is { } problem)
        {
            errors.Add($"{column} {problem}");
        }

        return typed.OrNull;
    }

    /// <summary>A value that may be left empty.</summary>
    internal static T? Optional<T>(string column, Typed<T> typed, List<string> errors)
        where T : struct =>
        typed.Given ? Read(column, typed, errors) : null;

    private static string Named(string column) => column.Length == 0 ? "(a column without a name)" : $"'{InputRules.Shown(column)}'";

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}

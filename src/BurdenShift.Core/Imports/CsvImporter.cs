using System.Globalization;
using System.Text;
using BurdenShift.Core.Audit;
using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Editing;
using BurdenShift.Core.Inputs;
using BurdenShift.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BurdenShift.Core.Imports;

/// <summary>
/// Imports share assessments or indicator observations from CSV (UTF-8, header row, one kind
/// per file). Every row is checked first; one bad row and nothing at all is written, and every
/// bad row is reported with its line number and reason. Rows are written in file order, so on a
/// date tie the later row counts as entered last.
/// </summary>
public sealed class CsvImporter(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<CsvImporter> logger)
{
    public static readonly IReadOnlyList<string> ShareColumns = ["area", "as_of", "europe_share", "us_share", "source", "confidence", "note"];
    public static readonly IReadOnlyList<string> ObservationColumns = ["indicator", "as_of", "value", "source", "confidence", "note"];
    private const string OptionalColumn = "source_url";
    private const int MaxProblemsReported = 200;

    /// <param name="csv">The file's bytes.</param>
    /// <param name="enteredBy">Who the rows are attributed to (a user, or the file for the CLI).</param>
    /// <param name="dryRun">Check everything, write nothing.</param>
    public Task<ImportResult> ImportAsync(Stream csv, string enteredBy, bool dryRun, CancellationToken ct = default) =>
        ImportAsync(csv, ImportFormat.Csv, enteredBy, dryRun, ct);

    /// <param name="format">CSV, or an .xlsx workbook whose first sheet holds the same columns.</param>
    public async Task<ImportResult> ImportAsync(Stream csv, ImportFormat format, string enteredBy, bool dryRun, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ImportResult? result = null;
        try
        {
            result = await CheckAndWriteAsync(csv, format, enteredBy, dryRun, ct);
            return result;
        }
        finally
        {
            // An exception (cancelled at shutdown, a lost connection) left the transaction uncommitted: rolled back.
            var outcome = result is null ? "rolled-back" : result.Written ? "written" : !result.Succeeded ? "refused" : "dry-run";
            var kind = new KeyValuePair<string, object?>("kind", (result?.Kind ?? ImportKind.Unknown).ToString().ToLowerInvariant());
            BurdenShiftMetrics.Imports.Add(1, kind, new("outcome", outcome));
            BurdenShiftMetrics.ImportDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, kind, new("outcome", outcome));
            if (result is { Written: true })
            {
                BurdenShiftMetrics.ImportedRows.Add(result.Rows, kind);
            }
        }
    }

    private async Task<ImportResult> CheckAndWriteAsync(Stream csv, ImportFormat format, string enteredBy, bool dryRun, CancellationToken ct)
    {
        // A long file name or e-mail must not overflow EnteredBy (PostgreSQL refuses what SQLite stores).
        enteredBy = InputRules.Attribution(enteredBy);
        List<CsvRecord>? sheet = null;
        try
        {
            sheet = format == ImportFormat.Xlsx ? XlsxRecords.Read(csv) : null;
        }
        catch (XlsxReadException ex)
        {
            return Refused(ImportKind.Unknown, 0, new ImportProblem(0, ex.Message));
        }

        string text;
        try
        {
            using var reader = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = sheet is null ? await reader.ReadToEndAsync(ct) : "";
        }
        catch (DecoderFallbackException)
        {
            return Refused(ImportKind.Unknown, 0, new ImportProblem(0, "The file is not UTF-8 text: save it as CSV UTF-8 and try again."));
        }

        // Concurrent imports may add the same new source: the one that commits second hits the
        // registry's unique key and reads the registry again, as if it had run after the other.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportTextAsync(text, sheet, enteredBy, dryRun, ct);
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                if (attempt == MaxAttempts)
                {
                    logger.LogWarning(ex, "Import by {EnteredBy} refused: its new sources kept colliding with other imports", enteredBy);
                    return Refused(ImportKind.Unknown, 0, new ImportProblem(0,
                        "Other imports kept adding sources with the same keys at the same time; nothing was written. Import the file again."));
                }

                logger.LogInformation("Import by {EnteredBy}: another import added a source with the same key meanwhile; reading the registry again", enteredBy);
            }
        }
    }

    private const int MaxAttempts = 10;

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        _ => false,
    };

    private async Task<ImportResult> ImportTextAsync(string text, List<CsvRecord>? sheet, string enteredBy, bool dryRun, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parsed = await ParseAsync(text, sheet, db, ct);
        var preview = parsed.Rows.Select(r => r.ToPreview(r.NewSource?.Publisher ?? r.SourceKey ?? "")).ToList();
        if (parsed.Problems.Count > 0)
        {
            return Refused(parsed.Kind, parsed.Rows.Count, [.. parsed.Problems.Take(MaxProblemsReported)]) with { Preview = preview };
        }

        var newSources = parsed.NewSources.Values.Select(s => s.Publisher).ToList();
        if (dryRun)
        {
            return new ImportResult(parsed.Kind, parsed.Rows.Count, [], Written: false, newSources) { Preview = preview };
        }

        var areaKeys = await AreaKeysAsync(db, parsed, ct);
        var changeSetId = await AuditedWrite.RunAsync(dbFactory, time, enteredBy, "Import", async (write, ct2) =>
        {
            // New entities for every attempt: a failed attempt's carry ids of a rolled-back transaction.
            var sources = parsed.NewSources.Values.Select(s => new Source
            {
                Key = s.Key,
                Publisher = s.Publisher,
                Title = s.Title,
                Url = s.Url,
                Confidence = s.Confidence,
                Note = s.Note,
                EnteredBy = enteredBy,
                EnteredAt = write.At,
            }).ToDictionary(s => s.Key, StringComparer.Ordinal);

            // One audit entry per figure and new source, in the same transaction and change set: no
            // imported figure is unattributed, and the whole import can be undone at once.
            var changeSet = new ChangeSet
            {
                Kind = "import",
                Description = $"Import of {parsed.Rows.Count} {KindName(parsed.Kind)}",
                By = enteredBy,
                At = write.At,
                RowCount = parsed.Rows.Count,
            };
            write.BelongsTo(changeSet);
            foreach (var source in sources.Values)
            {
                write.Insert(source, null);
            }

            // New sources first: EF orders inserts by dependency, and rows that waited for a new
            // source would otherwise be written after the others, out of file order.
            await write.FlushAsync(ct2);

            // Saved in file order: ids grow with it, and ids break date ties (methodology, "Current").
            foreach (var row in parsed.Rows)
            {
                var entity = row.ToEntity(enteredBy, write.At, row.SourceKey is { } k ? sources.GetValueOrDefault(k) : null);
                write.Insert(entity, areaKeys.GetValueOrDefault(row.Key), $"Imported (line {row.Line}): {FigureKinds.Describe(entity)}");
            }

            await write.SaveAsync(ct2);
            return changeSet.Id;
        }, ct);

        logger.LogInformation("Imported {Rows} {Kind} by {EnteredBy} ({NewSources} new sources)",
            parsed.Rows.Count, parsed.Kind, enteredBy, newSources.Count);
        return new ImportResult(parsed.Kind, parsed.Rows.Count, [], Written: true, newSources) { Preview = preview, ChangeSetId = changeSetId };
    }

    private static string KindName(ImportKind kind) => new ImportResult(kind, 0, [], false, []).KindName;

    // The area each row belongs to, for the areas' histories (alliance-wide indicators have none).
    private static async Task<Dictionary<string, string?>> AreaKeysAsync(BurdenShiftDbContext db, ParsedFile parsed, CancellationToken ct)
    {
        var keys = parsed.Rows.Select(r => r.Key).Distinct().ToList();
        return parsed.Kind == ImportKind.ShareAssessments
            ? keys.ToDictionary(k => k, k => (string?)k, StringComparer.Ordinal)
            : await db.Indicators.Where(i => keys.Contains(i.Key)).Select(i => new { i.Key, Area = i.Area == null ? null : i.Area.Key })
                .ToDictionaryAsync(i => i.Key, i => i.Area, StringComparer.Ordinal, ct);
    }

    private static ImportResult Refused(ImportKind kind, int rows, params ImportProblem[] problems) =>
        new(kind, rows, problems, Written: false, []);

    private static async Task<ParsedFile> ParseAsync(string text, List<CsvRecord>? sheet, BurdenShiftDbContext db, CancellationToken ct)
    {
        var result = new ParsedFile();
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
        var missing = expected.Where(c => !columns.Contains(c)).ToList();
        var unknown = columns.Where(c => !expected.Contains(c) && c != OptionalColumn).Select(Named).ToList();
        if (result.Kind == ImportKind.Unknown || missing.Count > 0 || unknown.Count > 0)
        {
            result.Problems.Add(new ImportProblem(1,
                $"The header must be '{string.Join(',', ShareColumns)}' (share assessments) or " +
                $"'{string.Join(',', ObservationColumns)}' (indicator observations), with an optional {OptionalColumn}" +
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

            var date = ParseDate(Field("as_of"), errors);
            var confidence = WireNames.TryParseConfidence(Field("confidence"), out var c) ? c : (Confidence?)null;
            if (confidence is null)
            {
                errors.Add($"confidence '{InputRules.Shown(Field("confidence"))}' must be high, medium or low");
            }

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

                var europe = ParseNumber("europe_share", Field("europe_share"), FigureRules.ShareDecimals, errors);
                var us = ParseNumber("us_share", Field("us_share"), FigureRules.ShareDecimals, errors);
                var unparsed = (europe is null && Field("europe_share").Length > 0) || (us is null && Field("us_share").Length > 0);
                if (!unparsed)
                {
                    errors.AddRange(FigureRules.ShareProblems("europe_share", europe, "us_share", us).Select(p => p.Message));
                }

                row = new ImportRow(areaId, 0, date, europe, us, 0m, confidence ?? Confidence.Low, source, NullIfEmpty(note)) { Line = line, Key = areaKey };
            }
            else
            {
                var indicatorKey = Field("indicator");
                if (!indicators.TryGetValue(indicatorKey, out var indicatorId))
                {
                    errors.Add(indicatorKey.Length == 0 ? "indicator is empty" : $"indicator '{InputRules.Shown(indicatorKey)}' does not exist");
                }

                var value = ParseNumber("value", Field("value"), FigureRules.ValueDecimals, errors);
                if (Field("value").Length == 0)
                {
                    errors.Add("value is empty");
                }

                row = new ImportRow(0, indicatorId, date, null, null, value ?? 0m, confidence ?? Confidence.Low, source, NullIfEmpty(note)) { Line = line, Key = indicatorKey };
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

    private static SourceChoice? ResolveSource(string source, string url, Confidence confidence, HashSet<string> known, ParsedFile file, List<string> errors)
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
            return new SourceChoice(source);
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

        return new SourceChoice(key);
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

    private static DateOnly ParseDate(string text, List<string> errors)
    {
        if (!InputRules.TryDate(text, out var date, out var problem))
        {
            errors.Add($"as_of {problem}");
        }

        return date;
    }

    private static decimal? ParseNumber(string column, string text, int maxDecimals, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!InputRules.TryNumber(text, maxDecimals, null, null, out var value, out var problem))
        {
            errors.Add($"{column} {problem}");
            return null;
        }

        return value;
    }

    private static string Named(string column) => column.Length == 0 ? "(a column without a name)" : $"'{InputRules.Shown(column)}'";

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private sealed record SourceChoice(string Key);

    private sealed class ParsedFile
    {
        public ImportKind Kind { get; set; }

        public List<ImportRow> Rows { get; } = [];

        public List<ImportProblem> Problems { get; } = [];

        public Dictionary<string, Source> NewSources { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Source, string Url), string> CitationKeys { get; } = [];
    }

    private sealed record ImportRow(
        int AreaId, int IndicatorId, DateOnly AsOf, decimal? EuropeShare, decimal? UsShare, decimal Value,
        Confidence Confidence, SourceChoice? Source, string? Note)
    {
        public string? SourceKey => Source?.Key;

        public int SourceId { get; set; }

        public Source? NewSource { get; set; }

        public int Line { get; init; }

        public string Key { get; init; } = "";

        public ImportPreviewRow ToPreview(string sourceText) => new(Line, Key, AsOf, EuropeShare, UsShare, AreaId == 0 ? Value : null,
            Confidence.ToWire(), sourceText, Note);

        public object ToEntity(string enteredBy, DateTimeOffset now, Source? newSource) => AreaId != 0
            ? new ShareAssessment
            {
                AreaId = AreaId,
                AsOf = AsOf,
                EuropeShare = EuropeShare,
                UsShare = UsShare,
                SourceId = SourceId,
                Source = newSource,
                Confidence = Confidence,
                Note = Note,
                EnteredBy = enteredBy,
                EnteredAt = now,
            }
            : new IndicatorObservation
            {
                IndicatorId = IndicatorId,
                AsOf = AsOf,
                Value = Value,
                SourceId = SourceId,
                Source = newSource,
                Confidence = Confidence,
                Note = Note,
                EnteredBy = enteredBy,
                EnteredAt = now,
            };
    }
}

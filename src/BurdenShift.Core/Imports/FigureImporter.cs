using System.Text;
using BurdenShift.Core.Review;
using BurdenShift.Core.Telemetry;

namespace BurdenShift.Core.Imports;

/// <summary>
/// Imports share assessments or indicator observations from CSV (UTF-8, header row, one kind
/// per file). Every row is checked first; one bad row and nothing at all is written, and every
/// bad row is reported with its line number and reason. Rows are written in file order, so on a
/// date tie the later row counts as entered last. Where review is required (or a draft is asked
/// for), a valid file is kept as one draft, published later as a whole or not at all.
/// </summary>
public sealed class FigureImporter(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<FigureImporter> logger, ReviewPolicy? review = null)
{
    private readonly ReviewPolicy review = review ?? ReviewPolicy.Off;

    private const int MaxProblemsReported = 200;

    /// <param name="csv">The file's bytes.</param>
    /// <param name="enteredBy">Who the rows are attributed to (a user, or the file for the CLI).</param>
    /// <param name="dryRun">Check everything, write nothing.</param>
    public Task<ImportResult> ImportAsync(Stream csv, string enteredBy, bool dryRun, CancellationToken ct = default) =>
        ImportAsync(csv, ImportFormat.Csv, enteredBy, dryRun, ct);

    /// <param name="format">CSV, or an .xlsx workbook whose first sheet holds the same columns.</param>
    public Task<ImportResult> ImportAsync(Stream csv, ImportFormat format, string enteredBy, bool dryRun, CancellationToken ct = default) =>
        ImportAsync(csv, format, enteredBy, dryRun, draft: false, ct);

    /// <param name="draft">Keep the import as a draft for review even where review is not required.</param>
    public async Task<ImportResult> ImportAsync(Stream csv, ImportFormat format, string enteredBy, bool dryRun, bool draft, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ImportResult? result = null;
        try
        {
            byte[]? file = null;
            if ((draft || review.Required) && !dryRun)
            {
                // The draft keeps the file itself: publishing replays it through the same checks.
                using var copy = new MemoryStream();
                await csv.CopyToAsync(copy, ct);
                file = copy.ToArray();
                csv = new MemoryStream(file, writable: false);
            }

            result = await CheckAndWriteAsync(csv, format, enteredBy, dryRun, file, ct);
            return result;
        }
        finally
        {
            // An exception (cancelled at shutdown, a lost connection) left the transaction uncommitted: rolled back.
            var outcome = result is null ? "rolled-back" : result.Written ? "written" : !result.Succeeded ? "refused" : result.DraftId is not null ? "draft" : "dry-run";
            var kind = new KeyValuePair<string, object?>("kind", (result?.Kind ?? ImportKind.Unknown).ToString().ToLowerInvariant());
            BurdenShiftMetrics.Imports.Add(1, kind, new("outcome", outcome));
            BurdenShiftMetrics.ImportDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, kind, new("outcome", outcome));
            if (result is { Written: true })
            {
                BurdenShiftMetrics.ImportedRows.Add(result.Rows, kind);
            }
        }
    }

    private async Task<ImportResult> CheckAndWriteAsync(Stream csv, ImportFormat format, string enteredBy, bool dryRun, byte[]? draftFile, CancellationToken ct)
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
                return await ImportTextAsync(text, sheet, enteredBy, dryRun, draftFile is null ? null : (draftFile, format), ct);
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

    private async Task<ImportResult> ImportTextAsync(
        string text, List<CsvRecord>? sheet, string enteredBy, bool dryRun, (byte[] Bytes, ImportFormat Format)? draftFile, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parsed = await ImportFileParser.ParseAsync(text, sheet, db, ct);
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
        if (draftFile is { } file)
        {
            var proposed = await Drafting.ProposeAsync(dbFactory, time, logger, enteredBy, "Import",
                DraftRequest.ForImport(file.Bytes, file.Format.ToString()),
                async (write, ct2) => SaveResult.Done(await WriteRowsAsync(write, parsed, areaKeys, ct2)),
                () => Task.FromResult(SaveResult.Refused(FormFields.General, "A row changed while the import was checked.")),
                "The database refused the import. Nothing was written.", ct);
            return proposed.DraftId is { } draftId
                ? new ImportResult(parsed.Kind, parsed.Rows.Count, [], Written: false, newSources) { Preview = preview, DraftId = draftId }
                : Refused(parsed.Kind, parsed.Rows.Count, [.. proposed.Errors.Values.Select(e => new ImportProblem(0, e))]);
        }

        var changeSetId = await AuditedWrite.RunAsync(dbFactory, time, enteredBy, "Import",
            (write, ct2) => WriteRowsAsync(write, parsed, areaKeys, ct2), ct);

        logger.LogInformation("Imported {Rows} {Kind} by {EnteredBy} ({NewSources} new sources)",
            parsed.Rows.Count, parsed.Kind, enteredBy, newSources.Count);
        return new ImportResult(parsed.Kind, parsed.Rows.Count, [], Written: true, newSources) { Preview = preview, ChangeSetId = changeSetId };
    }

    /// <summary>
    /// Writes a checked file's rows (and the new sources they cite) in one change set, attributed
    /// to the write's author; the change set's id.
    /// </summary>
    internal static async Task<long> WriteRowsAsync(AuditedWrite write, ParsedImport parsed, Dictionary<string, string?> areaKeys, CancellationToken ct)
    {
        var enteredBy = write.By;
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
        await write.FlushAsync(ct);

        // Saved in file order: ids grow with it, and ids break date ties (methodology, "Current").
        foreach (var row in parsed.Rows)
        {
            var entity = row.ToEntity(enteredBy, write.At, row.SourceKey is { } k ? sources.GetValueOrDefault(k) : null);
            write.Insert(entity, areaKeys.GetValueOrDefault(row.Key), $"Imported (line {row.Line}): {FigureKinds.Describe(entity)}");
        }

        await write.SaveAsync(ct);
        return changeSet.Id;
    }

    /// <summary>
    /// Publishes an import draft: the file is read and checked again against the record as it is
    /// now, and written whole, or refused whole.
    /// </summary>
    internal static async Task<SaveResult> ReplayAsync(AuditedWrite write, byte[] file, ImportFormat format, CancellationToken ct)
    {
        List<CsvRecord>? sheet;
        string text;
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            sheet = format == ImportFormat.Xlsx ? XlsxRecords.Read(stream) : null;
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = sheet is null ? await reader.ReadToEndAsync(ct) : "";
        }
        catch (Exception ex) when (ex is XlsxReadException or DecoderFallbackException)
        {
            return SaveResult.Refused(FormFields.General, $"The imported file can no longer be read: {ex.Message}");
        }

        var parsed = await ImportFileParser.ParseAsync(text, sheet, write.Db, ct);
        if (parsed.Problems.Count > 0)
        {
            return SaveResult.Refused(FormFields.General, "The import no longer passes its checks against the published record, so nothing was published: "
                + string.Join("; ", parsed.Problems.Take(5)));
        }

        return SaveResult.Done(await WriteRowsAsync(write, parsed, await AreaKeysAsync(write.Db, parsed, ct), ct));
    }

    private static string KindName(ImportKind kind) => new ImportResult(kind, 0, [], false, []).KindName;

    // The area each row belongs to, for the areas' histories (alliance-wide indicators have none).
    internal static async Task<Dictionary<string, string?>> AreaKeysAsync(BurdenShiftDbContext db, ParsedImport parsed, CancellationToken ct)
    {
        var keys = parsed.Rows.Select(r => r.Key).Distinct().ToList();
        return parsed.Kind == ImportKind.ShareAssessments
            ? keys.ToDictionary(k => k, k => (string?)k, StringComparer.Ordinal)
            : await db.Indicators.Where(i => keys.Contains(i.Key)).Select(i => new { i.Key, Area = i.Area == null ? null : i.Area.Key })
                .ToDictionaryAsync(i => i.Key, i => i.Area, StringComparer.Ordinal, ct);
    }

    private static ImportResult Refused(ImportKind kind, int rows, params ImportProblem[] problems) =>
        new(kind, rows, problems, Written: false, []);
}

using System.Buffers;
using System.Data;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace BurdenShift.Core.Backup;

/// <summary>
/// Writes a backup archive: a zip of one JSON-lines file per table plus <c>manifest.json</c> (see
/// docs/decisions/0010-backup-archive.md). Rows are streamed from one consistent snapshot of the
/// database to the file, so memory does not grow with the data; the archive is written next to
/// its destination and moved there only when complete.
/// </summary>
public sealed class BackupWriter(IDbContextFactory<BurdenShiftDbContext> dbFactory, BurdenShiftSettings settings, TimeProvider time, ILogger<BackupWriter> logger)
{
    private const int FlushBytes = 64 * 1024;

    public async Task<BackupResult> WriteAsync(string path, bool includeAccounts, CancellationToken ct = default)
    {
        if (File.Exists(path))
        {
            throw new BackupRefusedException($"{path} already exists: choose another file name (a backup never overwrites one).");
        }

        await using var probe = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await probe.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new BackupRefusedException(
                $"{settings.DescribeTarget()} lacks {pending.Count} migration(s) of this build ({string.Join(", ", pending.Take(3))}): " +
                "back it up with the build that last ran on it, or start this build once to migrate it.");
        }

        var schema = (await probe.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() ?? "";
        var partial = path + ".partial";
        BackupManifest manifest;
        try
        {
            manifest = await WriteArchiveAsync(partial, includeAccounts, SchemaName(schema), ct);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial); // a failed backup leaves no half archive behind
        }

        var bytes = new FileInfo(path).Length;
        logger.LogInformation("Backed up {Rows} rows of {Tables} tables to {Path} ({Bytes} bytes)",
            manifest.Tables.Sum(t => t.Rows), manifest.Tables.Count, path, bytes);
        return new BackupResult(manifest, bytes);
    }

    private async Task<BackupManifest> WriteArchiveAsync(string partial, bool includeAccounts, string schema, CancellationToken ct)
    {
        await using var db = settings.Provider == DatabaseProvider.Postgres ? StreamingPostgresContext() : await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await BeginSnapshotAsync(db, ct);
        var tables = new List<BackupTable>();
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var type in BackupTables.Ordered(db.Model, includeAccounts))
            {
                var name = type.GetTableName()!;
                var columns = BackupTables.Columns(type, db.RowVersionProperty);
                var entryName = $"tables/{name}.jsonl";
                await using var entry = await zip.CreateEntry(entryName, CompressionLevel.Optimal).OpenAsync(ct);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
                // Readable text (no \u0027 for an apostrophe): the archive is a file, never embedded in HTML.
                await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                long rows = 0;
                await foreach (var row in BackupTables.ReadAllAsync(db, type).WithCancellation(ct))
                {
                    BackupTables.WriteRow(json, row, columns);
                    json.Flush();
                    json.Reset();
                    buffer.Write("\n"u8);
                    rows++;
                    if (buffer.WrittenCount >= FlushBytes)
                    {
                        await FlushAsync(buffer, hash, entry, ct);
                    }
                }

                await FlushAsync(buffer, hash, entry, ct);
                tables.Add(new BackupTable(name, entryName, rows, Convert.ToHexStringLower(hash.GetHashAndReset())));
            }

            var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentFormatVersion, AppVersion(),
                settings.Provider.ToString(), time.GetUtcNow(), schema, includeAccounts, tables);
            await using var manifestEntry = await zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal).OpenAsync(ct);
            await JsonSerializer.SerializeAsync(manifestEntry, manifest, ManifestJson, ct);
            await tx.CommitAsync(ct);
            return manifest;
        }
    }

    /// <summary>
    /// The app's PostgreSQL contexts retry, and EF buffers every query result read under a
    /// retrying strategy (to be able to run it again): a table would then be held whole in memory
    /// (measured: a 100,000-row database did not fit a 48 MB heap). This context does not retry,
    /// and the archive is not written under a strategy, so rows stream; a backup cut by a dropped
    /// connection fails, leaves no file, and is simply run again.
    /// </summary>
    private PostgresBurdenShiftDbContext StreamingPostgresContext() =>
        new(new DbContextOptionsBuilder<PostgresBurdenShiftDbContext>().UseNpgsql(settings.ConnectionString).Options);

    internal static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task FlushAsync(ArrayBufferWriter<byte> buffer, IncrementalHash hash, Stream entry, CancellationToken ct)
    {
        hash.AppendData(buffer.WrittenSpan);
        await entry.WriteAsync(buffer.WrittenMemory, ct);
        buffer.ResetWrittenCount();
    }

    /// <summary>
    /// A read transaction that sees one moment of the database while the app keeps writing:
    /// PostgreSQL's repeatable read is a snapshot; SQLite's deferred transaction reads one snapshot
    /// of the WAL-mode database from its first query on, and writers carry on meanwhile.
    /// </summary>
    private static async Task<IDbContextTransaction> BeginSnapshotAsync(BurdenShiftDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true), ct)
                ?? throw new InvalidOperationException("SQLite did not start a transaction.");
        }

        return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
    }

    // "20261129110805_EditingHistory" -> "EditingHistory": the timestamps differ between the providers' migrations.
    private static string SchemaName(string migration) => migration.Contains('_', StringComparison.Ordinal) ? migration[(migration.IndexOf('_', StringComparison.Ordinal) + 1)..] : migration;

    internal static string AppVersion() =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

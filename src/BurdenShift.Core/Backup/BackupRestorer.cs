using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BurdenShift.Core.Backup;

/// <summary>
/// Loads a backup archive into an empty, migrated database of either provider, keeping every id,
/// in one transaction: the database ends up holding all of the archive or nothing. The archive is
/// checked whole (format version, checksums, row counts, known tables) before anything is written.
/// </summary>
public sealed class BackupRestorer(IDbContextFactory<BurdenShiftDbContext> dbFactory, BurdenShiftSettings settings, ILogger<BackupRestorer> logger)
{
    private const int BatchRows = 1000;

    public async Task<BackupResult> RestoreAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            throw new BackupRefusedException($"{path} does not exist.");
        }

        using var zip = Open(path);
        var manifest = await ReadManifestAsync(zip, ct);
        await VerifyAsync(zip, manifest, ct);

        await using var probe = await dbFactory.CreateDbContextAsync(ct);
        if ((await probe.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new BackupRefusedException($"{settings.DescribeTarget()} is not migrated to this build's schema: migrate it first.");
        }

        var known = BackupTables.Ordered(probe.Model, includeAccounts: true).ToDictionary(t => t.GetTableName()!, StringComparer.Ordinal);
        if (manifest.Tables.FirstOrDefault(t => !known.ContainsKey(t.Name)) is { } stranger)
        {
            throw new BackupRefusedException($"The archive holds a table '{stranger.Name}' this build does not know: restore it with a newer BurdenShift.");
        }

        var tables = BackupTables.Ordered(probe.Model, manifest.IncludesAccounts)
            .Select(t => (Type: t, Table: manifest.Tables.FirstOrDefault(m => m.Name == t.GetTableName())))
            .Where(t => t.Table is not null).Select(t => (t.Type, Table: t.Table!)).ToList();
        foreach (var (type, _) in tables)
        {
            if (await BackupTables.AnyAsync(probe, type, ct))
            {
                throw new BackupRefusedException(
                    $"{settings.DescribeTarget()} is not empty ({type.GetTableName()} has rows): restore only into a new, empty database. Nothing was written.");
            }
        }

        // On PostgreSQL a dropped connection retries the whole load; if the commit's answer was
        // lost, the rows being there says it landed.
        var strategy = probe.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            tables,
            async (_, state, ct2) => await LoadAsync(zip, state, ct2),
            async (_, state, ct2) =>
            {
                await using var check = await dbFactory.CreateDbContextAsync(ct2);
                var landed = await BackupTables.AnyAsync(check, state[^1].Type, ct2);
                return new Microsoft.EntityFrameworkCore.Storage.ExecutionResult<bool>(landed, landed);
            },
            ct);
        var bytes = new FileInfo(path).Length;
        logger.LogInformation("Restored {Rows} rows of {Tables} tables from {Path} into {Target}",
            manifest.Tables.Sum(t => t.Rows), manifest.Tables.Count, path, settings.DescribeTarget());
        return new BackupResult(manifest, bytes);
    }

    private async Task<bool> LoadAsync(ZipArchive zip, List<(IEntityType Type, BackupTable Table)> tables, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (type, table) in tables)
        {
            var columns = BackupTables.Columns(type, db.RowVersionProperty);
            await using var entry = await zip.GetEntry(table.File)!.OpenAsync(ct);
            using var reader = new StreamReader(entry, new UTF8Encoding(false, throwOnInvalidBytes: true));
            var pending = 0;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                using var row = JsonDocument.Parse(line);
                db.Add(BackupTables.ReadRow(row.RootElement, type, columns));
                if (++pending == BatchRows)
                {
                    await SaveAsync(db, ct);
                    pending = 0;
                }
            }

            await SaveAsync(db, ct);
        }

        if (db.Database.IsNpgsql())
        {
            await ResetSequencesAsync(db, tables.Select(t => t.Type), ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task SaveAsync(BurdenShiftDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear(); // memory stays that of one batch, whatever the archive's size
    }

    /// <summary>Rows came with their ids; PostgreSQL's identity sequences must continue after the largest.</summary>
    private static async Task ResetSequencesAsync(BurdenShiftDbContext db, IEnumerable<IEntityType> types, CancellationToken ct)
    {
        foreach (var type in types)
        {
            if (type.FindPrimaryKey()?.Properties is [var id] && id.ValueGenerated == ValueGenerated.OnAdd && (id.ClrType == typeof(int) || id.ClrType == typeof(long)))
            {
                var table = type.GetTableName();
                var column = id.GetColumnName();
                // Names from the EF model, never from the archive.
                var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)";
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
    }

    private static ZipArchive Open(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new BackupRefusedException($"{path} is not a BurdenShift backup archive (not a zip file).");
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName)
            ?? throw new BackupRefusedException($"The archive has no {BackupManifest.EntryName}: it is not a BurdenShift backup, or it is incomplete.");
        BackupManifest? manifest;
        try
        {
            await using var stream = await entry.OpenAsync(ct);
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupWriter.ManifestJson, ct);
        }
        catch (JsonException ex)
        {
            throw new BackupRefusedException($"The archive's {BackupManifest.EntryName} cannot be read: {ex.Message}");
        }

        if (manifest is null || manifest.Format != BackupManifest.FormatName || manifest.Tables is null)
        {
            throw new BackupRefusedException("The archive is not a BurdenShift backup (its manifest names another format).");
        }

        if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
        {
            throw new BackupRefusedException(
                $"The archive has format version {manifest.FormatVersion} (written by BurdenShift {manifest.AppVersion}); this build reads up to version " +
                $"{BackupManifest.CurrentFormatVersion}: restore it with a newer BurdenShift. Nothing was written.");
        }

        if (manifest.FormatVersion < 1)
        {
            throw new BackupRefusedException($"The archive's format version {manifest.FormatVersion} is not one BurdenShift ever wrote.");
        }

        return manifest;
    }

    /// <summary>Every table file is there, whole: its SHA-256 and its row count are the manifest's.</summary>
    private static async Task VerifyAsync(ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        var buffer = new byte[81920];
        foreach (var table in manifest.Tables)
        {
            var entry = zip.GetEntry(table.File)
                ?? throw new BackupRefusedException($"The archive lacks {table.File}, which its manifest lists: it is incomplete.");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long lines = 0;
            try
            {
                await using var stream = await entry.OpenAsync(ct);
                int read;
                while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                }
            }
            catch (InvalidDataException ex)
            {
                throw new BackupRefusedException($"{table.File} in the archive is damaged ({ex.Message}).");
            }

            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), table.Sha256, StringComparison.OrdinalIgnoreCase) || lines != table.Rows)
            {
                throw new BackupRefusedException($"{table.File} in the archive does not match its checksum or row count: the archive is damaged.");
            }
        }
    }
}

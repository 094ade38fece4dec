namespace BurdenShift.Core.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup archive: what wrote it and, per table, the file, the number of
/// rows and the SHA-256 of the file's bytes. Written last, read first.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string AppVersion,
    string Provider,
    DateTimeOffset CreatedAt,
    string Schema,
    bool IncludesAccounts,
    IReadOnlyList<BackupTable> Tables)
{
    public const string FormatName = "burdenshift-backup";

    /// <summary>Raised when the layout of the archive changes; a build restores archives up to its own version.</summary>
    public const int CurrentFormatVersion = 1;

    public const string EntryName = "manifest.json";
}

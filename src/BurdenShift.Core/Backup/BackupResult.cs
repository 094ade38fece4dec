namespace BurdenShift.Core.Backup;

/// <summary>What a backup wrote or a restore loaded.</summary>
public sealed record BackupResult(BackupManifest Manifest, long Bytes)
{
    public long Rows => Manifest.Tables.Sum(t => t.Rows);
}

namespace BurdenShift.Core.Backup;

/// <summary>One table in a backup archive: <c>tables/NAME.jsonl</c>, one JSON object a row.</summary>
public sealed record BackupTable(string Name, string File, long Rows, string Sha256);

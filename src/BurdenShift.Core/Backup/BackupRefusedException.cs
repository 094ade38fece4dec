namespace BurdenShift.Core.Backup;

/// <summary>A backup or restore that cannot be done as asked; the message says why and what to do. Nothing was written.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

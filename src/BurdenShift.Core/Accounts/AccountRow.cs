namespace BurdenShift.Core.Accounts;

/// <summary>A user as the users page lists them.</summary>
public sealed record AccountRow(string Id, string Email, string Role, bool Disabled, bool LockedOut, DateTimeOffset Created);

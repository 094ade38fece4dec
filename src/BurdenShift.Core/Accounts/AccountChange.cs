namespace BurdenShift.Core.Accounts;

/// <summary>What an account change did, in words for the admin.</summary>
public sealed record AccountChange(bool Succeeded, string Message);

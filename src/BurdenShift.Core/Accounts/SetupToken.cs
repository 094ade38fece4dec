using System.Security.Cryptography;

namespace BurdenShift.Core.Accounts;

/// <summary>
/// The one-time token that lets the first admin be created through the setup page when no user
/// exists and none was configured. It lives only in memory: a restart issues a new one.
/// </summary>
public sealed class SetupToken
{
    private string? _token;

    public string Issue() => _token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    public bool IsValid(string? candidate) =>
        _token is not null && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(_token), System.Text.Encoding.ASCII.GetBytes(candidate));

    /// <summary>Once the first admin exists, the token is spent.</summary>
    public void Spend() => _token = null;
}

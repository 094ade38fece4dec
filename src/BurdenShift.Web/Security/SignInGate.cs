using BurdenShift.Core.Telemetry;

namespace BurdenShift.Web.Security;

/// <summary>
/// Checks a sign-in so that an unknown e-mail, a disabled or locked account and a wrong password
/// look the same from outside: one password hash is verified in every case (against a dummy hash
/// when there is no usable account), and the answer is the same sentence. The log says which it was.
/// </summary>
internal sealed class SignInGate(
    SignInManager<BurdenShiftUser> signIn,
    UserManager<BurdenShiftUser> users,
    IPasswordHasher<BurdenShiftUser> hasher,
    ILogger<SignInGate> logger)
{
    public const string Refusal = "The email or the password is wrong, or the account is locked for 15 minutes after too many failed sign-ins.";

    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    /// <summary>True when signed in (the cookie is set); false, with nothing to tell apart, otherwise.</summary>
    public async Task<bool> SignInAsync(string email, string password)
    {
        // A control character cannot be in a stored address (and PostgreSQL refuses NUL): no such account.
        var user = Core.Inputs.InputRules.TextProblem(email.Trim(), Core.Inputs.ColumnLimits.UserName, multiline: false) is null
            ? await users.FindByEmailAsync(email.Trim())
            : null;
        if (user is null || user.IsDisabled)
        {
            BurnOneVerification(user, password);
            logger.LogWarning("Failed sign-in for {Email}: {Why}", email, user is null ? "no such account" : "account disabled");
            BurdenShiftMetrics.SignInFailures.Add(1);
            return false;
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without looking at the password: do the same work anyway.
            BurnOneVerification(user, password);
            logger.LogWarning("Failed sign-in for {Email}: account locked out", user.Email);
            BurdenShiftMetrics.SignInFailures.Add(1);
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", user.Email);
            return true;
        }

        logger.LogWarning("Failed sign-in for {Email}: {Why}", user.Email, result.IsLockedOut ? "wrong password, now locked out" : "wrong password");
        (result.IsLockedOut ? BurdenShiftMetrics.Lockouts : BurdenShiftMetrics.SignInFailures).Add(1);
        return false;
    }

    private void BurnOneVerification(BurdenShiftUser? user, string password)
    {
        user ??= new BurdenShiftUser();
        string hash;
        lock (DummyLock)
        {
            // Hashed with the app's own hasher and settings, so verifying it costs what a real check costs.
            hash = _dummyHash ??= hasher.HashPassword(user, Guid.NewGuid().ToString("N"));
        }

        _ = hasher.VerifyHashedPassword(user, hash, password);
    }
}

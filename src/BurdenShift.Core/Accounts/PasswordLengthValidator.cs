using Microsoft.AspNetCore.Identity;

namespace BurdenShift.Core.Accounts;

/// <summary>
/// Passwords from 12 to 128 characters, with no composition rules: length is what makes a
/// passphrase strong, and a cap keeps hashing cost bounded while allowing at least 64.
/// </summary>
public sealed class PasswordLengthValidator : IPasswordValidator<BurdenShiftUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<BurdenShiftUser> manager, BurdenShiftUser user, string? password) =>
        Task.FromResult(password?.Length switch
        {
            null or < MinLength => IdentityResult.Failed(new IdentityError { Code = "PasswordTooShort", Description = $"Passwords must be at least {MinLength} characters." }),
            > MaxLength => IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords may be at most {MaxLength} characters." }),
            _ => IdentityResult.Success,
        });
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace BurdenShift.Core.Accounts;

/// <summary>
/// On start-up: makes sure the roles exist and, while no user exists, creates the first admin from
/// <c>Bootstrap:AdminEmail</c> and <c>Bootstrap:AdminPassword</c> or else logs a one-time setup link.
/// There is no default password anywhere.
/// </summary>
public sealed class AccountBootstrap(
    UserManager<BurdenShiftUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    SetupToken setupToken,
    TimeProvider time,
    BurdenShiftSettings settings,
    ILogger<AccountBootstrap> logger)
{
    public const string EmailKey = "Bootstrap:AdminEmail";
    public const string PasswordKey = "Bootstrap:AdminPassword";

    public async Task RunAsync()
    {
        // Under the migration lock: instances starting together would otherwise both create the roles.
        await using var exclusive = await MigrationLock.AcquireAsync(settings, CancellationToken.None);
        await EnsureRolesAsync(roles);

        if (users.Users.Any())
        {
            return;
        }

        var email = configuration[EmailKey];
        var password = configuration[PasswordKey];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No user exists yet. Create the first admin at /setup?token={Token} (valid until the app restarts), " +
                "or set {EmailKey} and {PasswordKey}", setupToken.Issue(), EmailKey, PasswordKey);
            return;
        }

        var result = await CreateAsync(users, email.Trim(), password, Roles.Admin, time);
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException(
                $"{PasswordKey} or {EmailKey} was refused: {Describe(result)} Fix the setting; no user was created.");
        }

        logger.LogInformation("Created the first admin {Email} from configuration", email.Trim());
    }

    /// <summary>Creates whichever of the three roles is missing.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"creating the {role} role");
            }
        }
    }

    /// <summary>Creates a user with a role; the result says why when it cannot.</summary>
    public static async Task<IdentityResult> CreateAsync(UserManager<BurdenShiftUser> users, string email, string password, string role, TimeProvider time)
    {
        if (Inputs.InputRules.TextProblem(email, Inputs.ColumnLimits.UserName, multiline: false) is { } problem)
        {
            // Checked before Identity looks the address up: PostgreSQL refuses a NUL in a query.
            return IdentityResult.Failed(new IdentityError { Code = "InvalidEmail", Description = $"The e-mail address {problem}." });
        }

        var user = new BurdenShiftUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
    }

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Failed {what}: {Describe(result)}");
        }
    }
}

using Microsoft.AspNetCore.Identity;

namespace BurdenShift.Core.Accounts;

/// <summary>
/// The account rules: only an admin changes accounts (checked on every change, for a circuit
/// whose user lost the role), a user holds one role, and the last enabled admin can neither lose
/// the role nor be disabled, so the app always has someone who can manage it. A change of role
/// or state renews the user's security stamp, which ends their cookies and open circuits at the
/// next check. Scoped, like the <see cref="UserManager{TUser}"/> it works through.
/// </summary>
public sealed class AccountAdministration(UserManager<BurdenShiftUser> users, TimeProvider time, ILogger<AccountAdministration> logger)
{
    private const string NotAdmin = "Only admins may change accounts. Nothing was changed.";

    public async Task<IReadOnlyList<AccountRow>> ListAsync()
    {
        var rows = new List<AccountRow>();
        foreach (var u in users.Users.OrderBy(u => u.Email).ToList())
        {
            var role = (await users.GetRolesAsync(u)).FirstOrDefault() ?? Roles.Viewer;
            rows.Add(new AccountRow(u.Id, u.Email ?? u.UserName ?? "", role, u.IsDisabled, await users.IsLockedOutAsync(u), u.CreatedAt));
        }

        return rows;
    }

    public async Task<AccountChange> AddAsync(ClaimsPrincipal admin, string email, string password, string role)
    {
        if (!IsAdmin(admin))
        {
            return new AccountChange(false, NotAdmin);
        }

        email = email.Trim();
        var result = await AccountBootstrap.CreateAsync(users, email, password, role, time);
        if (!result.Succeeded)
        {
            return new AccountChange(false, $"Not added: {AccountBootstrap.Describe(result)}");
        }

        logger.LogInformation("{Admin} added {Email} as {Role}", Name(admin), email, role);
        return new AccountChange(true, $"Added {email} as {role}.");
    }

    /// <summary>Gives a user one role instead of the one they hold.</summary>
    public async Task<AccountChange> ChangeRoleAsync(ClaimsPrincipal admin, string userId, string role)
    {
        if (!IsAdmin(admin))
        {
            return new AccountChange(false, NotAdmin);
        }

        if (!Roles.All.Contains(role) || await users.FindByIdAsync(userId) is not { } user)
        {
            return new AccountChange(false, "There is no such user or role. Nothing was changed.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastAdminAsync(user.Id))
        {
            return new AccountChange(false, "The last enabled admin cannot lose the Admin role.");
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("{Admin} changed the role of {Email} from {From} to {To}", Name(admin), user.Email, string.Join(",", current), role);
        return new AccountChange(true, $"{user.Email} is now {role}.");
    }

    /// <summary>Disables a user (they cannot sign in, and are signed out within a minute) or enables them again.</summary>
    public async Task<AccountChange> SetDisabledAsync(ClaimsPrincipal admin, string userId, bool disabled)
    {
        if (!IsAdmin(admin))
        {
            return new AccountChange(false, NotAdmin);
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new AccountChange(false, "There is no such user. Nothing was changed.");
        }

        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(user.Id))
        {
            return new AccountChange(false, "The last enabled admin cannot be disabled.");
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        // A new stamp ends the user's cookies and open circuits at their next check (within a minute).
        await users.UpdateSecurityStampAsync(user);
        var state = disabled ? "disabled" : "enabled";
        logger.LogInformation("{Admin} {Action} {Email}", Name(admin), state, user.Email);
        return new AccountChange(true, $"{user.Email} is {state}.");
    }

    private bool IsAdmin(ClaimsPrincipal admin)
    {
        if (admin.IsInRole(Roles.Admin))
        {
            return true;
        }

        logger.LogWarning("Refused an account change by {User}: not an admin", Name(admin));
        return false;
    }

    private async Task<bool> IsLastAdminAsync(string id) =>
        !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => !u.IsDisabled && u.Id != id);

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}

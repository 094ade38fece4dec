using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>The sign-in cookie of a new user with a role, as the app itself would issue it.</summary>
public static class AuthCookie
{
    /// <summary>The value of the <c>BurdenShift.Auth</c> cookie for a new user <paramref name="email"/> in <paramref name="role"/>.</summary>
    public static async Task<string> ForAsync(AppFactory app, string role, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BurdenShiftUser>>();
        var user = new BurdenShiftUser { UserName = email, Email = email };
        Assert.True((await signIn.UserManager.CreateAsync(user, "a long enough passphrase")).Succeeded);
        Assert.True((await signIn.UserManager.AddToRoleAsync(user, role)).Succeeded);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BurdenShift.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class AccountTests(PostgresServer postgres)
{
    private const string AdminEmail = "admin@example.org";
    private const string AdminPassword = "correct horse battery staple";

    private static AppFactory WithSettings(TestDatabase database, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = "none",
        };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        return new AppFactory(settings);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_first_admin_comes_from_configuration_only_while_no_user_exists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var first = WithSettings(database, (AccountBootstrap.EmailKey, AdminEmail), (AccountBootstrap.PasswordKey, AdminPassword)))
        {
            first.CreateClient().Dispose();
        }

        await using var second = WithSettings(database, (AccountBootstrap.EmailKey, "other@example.org"), (AccountBootstrap.PasswordKey, "another long password"));
        second.CreateClient().Dispose();
        await using var scope = second.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>();

        var admin = Assert.Single(users.Users.ToList());
        Assert.Equal(AdminEmail, admin.Email);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, AdminPassword));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = WithSettings(database, (AccountBootstrap.EmailKey, AdminEmail), (AccountBootstrap.PasswordKey, AdminPassword));
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BurdenShiftUser>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>();
        var admin = (await users.FindByEmailAsync(AdminEmail))!;

        for (var i = 0; i < 4; i++)
        {
            Assert.False((await signIn.CheckPasswordSignInAsync(admin, "wrong password " + i, lockoutOnFailure: true)).Succeeded);
        }

        Assert.False(await users.IsLockedOutAsync(admin));
        Assert.True((await signIn.CheckPasswordSignInAsync(admin, "wrong again!!", lockoutOnFailure: true)).IsLockedOut);
        var until = await users.GetLockoutEndDateAsync(admin);
        Assert.InRange(until!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.True((await signIn.CheckPasswordSignInAsync(admin, AdminPassword, lockoutOnFailure: true)).IsLockedOut);
    }

    [Fact]
    public async Task Without_public_read_every_page_and_api_needs_a_signed_in_user()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = WithSettings(database, ("Auth:PublicRead", "false"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/areas")).StatusCode);
        var page = await client.GetAsync("/compare");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task With_public_read_anyone_may_browse_and_read_the_api()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = WithSettings(database);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compare")).StatusCode);
    }

    [Fact]
    public async Task Without_users_or_configuration_the_app_logs_a_one_time_setup_link()
    {
        var dir = Directory.CreateTempSubdirectory("burdenshift-setup-").FullName;
        try
        {
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll"));
            psi.ArgumentList.Add("--urls=http://127.0.0.1:0");
            psi.Environment["Seed__Dataset"] = "none";
            using var process = Process.Start(psi)!;
            string? line = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                while (line is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } next)
                {
                    line = next.Contains("/setup?token=", StringComparison.Ordinal) ? next : null;
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Assert.NotNull(line);
            Assert.Matches("/setup\\?token=[0-9a-f]{48}", line);
            Assert.Contains(AccountBootstrap.EmailKey, line);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_bootstrap_password_that_is_too_short_stops_start_up_naming_the_setting()
    {
        var outcome = await AppProcess.RunAsync(["--urls=http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["Seed__Dataset"] = "none",
            ["Bootstrap__AdminEmail"] = AdminEmail,
            ["Bootstrap__AdminPassword"] = "short",
        });

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.AllLines, l => l.Contains("did not start", StringComparison.Ordinal));
        Assert.Contains(AccountBootstrap.PasswordKey, line);
        Assert.Contains("at least 12", line);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_users_command_adds_a_user_with_a_password_from_standard_input(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var env = new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__BurdenShift"] = database.ConnectionString,
            ["Seed__Dataset"] = "none",
        };

        var added = await AppProcess.RunAsync(["users", "add", "--email", "editor@example.org", "--role", "editor"], env, stdin: "a long enough passphrase\n");
        var weak = await AppProcess.RunAsync(["users", "add", "--email", "weak@example.org", "--role", "Viewer"], env, stdin: "tooshort\n");
        var badRole = await AppProcess.RunAsync(["users", "add", "--email", "x@example.org", "--role", "Root"], env, stdin: "a long enough passphrase\n");

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains(weak.Stderr, l => l.Contains("at least 12 characters", StringComparison.Ordinal));
        Assert.Equal(2, badRole.ExitCode);
        await using var app = AppFactory.For(database, "none");
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>();
        var editor = await users.FindByEmailAsync("editor@example.org");
        Assert.NotNull(editor);
        Assert.True(await users.IsInRoleAsync(editor, Roles.Editor));
        Assert.Null(await users.FindByEmailAsync("weak@example.org"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_cookie_issued_by_one_app_instance_is_honoured_by_another_on_the_same_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var first = WithSettings(database, ("Auth:PublicRead", "false"), (AccountBootstrap.EmailKey, AdminEmail), (AccountBootstrap.PasswordKey, AdminPassword));
        first.CreateClient().Dispose();
        string cookie;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            // Protect a ticket the way sign-in does, with the first instance's key ring.
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BurdenShiftUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(AdminEmail))!);
            var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
                .Get(IdentityConstants.ApplicationScheme);
            var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, IdentityConstants.ApplicationScheme);
            cookie = options.TicketDataFormat.Protect(ticket);
        }

        await using (var db = database.CreateContext())
        {
            Assert.True(await db.DataProtectionKeys.AnyAsync(), "the key ring is not in the database");
        }

        // A second instance (a restart, or another node) on the same database reads the same keys.
        await using var second = WithSettings(database, ("Auth:PublicRead", "false"));
        using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $"BurdenShift.Auth={cookie}");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);
    }
}

using Microsoft.AspNetCore.Identity;

namespace BurdenShift.IntegrationTests;

/// <summary>The account rules the users page applies, checked on the real identity store of both providers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountRulesTests(PostgresServer postgres)
{
    private const string AdminEmail = "admin@example.org";

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, AdminEmail), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    private static AppFactory App(TestDatabase database) => new(new Dictionary<string, string>
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
        ["Seed:Dataset"] = "none",
        [AccountBootstrap.EmailKey] = AdminEmail,
        [AccountBootstrap.PasswordKey] = "correct horse battery staple",
    });

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_last_enabled_admin_can_neither_lose_the_role_nor_be_disabled_until_there_is_another(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = App(database);
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>();
        var admin = (await users.FindByEmailAsync(AdminEmail))!;

        var demoted = await accounts.ChangeRoleAsync(Admin, admin.Id, Roles.Editor);
        var disabled = await accounts.SetDisabledAsync(Admin, admin.Id, disabled: true);

        Assert.Equal(new AccountChange(false, "The last enabled admin cannot lose the Admin role."), demoted);
        Assert.Equal(new AccountChange(false, "The last enabled admin cannot be disabled."), disabled);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.False((await users.FindByIdAsync(admin.Id))!.IsDisabled);

        // A disabled second admin does not count; an enabled one does.
        Assert.True((await accounts.AddAsync(Admin, " second@example.org ", "another long password", Roles.Admin)).Succeeded);
        var second = (await users.FindByEmailAsync("second@example.org"))!;
        Assert.True((await accounts.SetDisabledAsync(Admin, second.Id, disabled: true)).Succeeded);
        Assert.False((await accounts.ChangeRoleAsync(Admin, admin.Id, Roles.Viewer)).Succeeded);
        Assert.True((await accounts.SetDisabledAsync(Admin, second.Id, disabled: false)).Succeeded);

        var swapped = await accounts.ChangeRoleAsync(Admin, admin.Id, Roles.Viewer);

        Assert.Equal(new AccountChange(true, $"{AdminEmail} is now {Roles.Viewer}."), swapped);
        Assert.Equal([Roles.Viewer], await users.GetRolesAsync((await users.FindByIdAsync(admin.Id))!));
        Assert.Contains(await accounts.ListAsync(), a => a.Email == AdminEmail && a.Role == Roles.Viewer);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_changes_no_account()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = App(database);
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var editor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor@example.org"), new Claim(ClaimTypes.Role, Roles.Editor)], "test"));
        var admin = Assert.Single(await accounts.ListAsync());

        var results = new[]
        {
            await accounts.AddAsync(editor, "new@example.org", "another long password", Roles.Admin),
            await accounts.ChangeRoleAsync(editor, admin.Id, Roles.Viewer),
            await accounts.SetDisabledAsync(editor, admin.Id, disabled: true),
        };

        Assert.All(results, r => Assert.Equal(new AccountChange(false, "Only admins may change accounts. Nothing was changed."), r));
        Assert.Equal([admin], await accounts.ListAsync());
    }
}

using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    private const string Email = "admin@example.org";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task The_configured_admin_signs_in_and_out_and_a_wrong_password_is_refused()
    {
        await using var app = new AppServer("none", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Email,
            ["Bootstrap:AdminPassword"] = Password,
        });
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/");
        await page.GetByTestId("signin-link").ClickAsync();

        await page.GetByTestId("signin-email").FillAsync(Email);
        await page.GetByTestId("signin-password").FillAsync("not the password");
        await page.GetByTestId("signin-submit").ClickAsync();
        Assert.Contains("wrong", await page.GetByTestId("signin-error").InnerTextAsync());

        await page.GetByTestId("signin-email").FillAsync(Email);
        await page.GetByTestId("signin-password").FillAsync(Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        Assert.Equal(Email, await page.GetByTestId("signed-in-as").InnerTextAsync());

        await page.GetByText("Sign out").ClickAsync();
        await page.GetByTestId("signin-link").WaitForAsync();
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_accessibility_violation()
    {
        await using var app = new AppServer("none");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("page-signin-light"), FullPage = true });

        var serious = await page.SeriousAxeViolationsAsync();
        Assert.True(serious.Length == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task The_setup_link_creates_the_first_admin_once()
    {
        await using var app = new AppServer("none");
        // The app logged a link on start; issuing a new token here stands in for reading the log.
        var token = app.Services.GetRequiredService<BurdenShift.Core.Accounts.SetupToken>().Issue();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{app.BaseUrl}/setup?token={token}");
        await page.Locator("#email").FillAsync("first@example.org");
        await page.Locator("#password").FillAsync("a long enough passphrase");
        await page.Locator("#confirm").FillAsync("a long enough passphrase");
        await page.GetByText("Create the admin").ClickAsync();

        await page.GetByTestId("signed-in-as").WaitForAsync();
        Assert.Equal("first@example.org", await page.GetByTestId("signed-in-as").InnerTextAsync());
        var again = await browser.NewPageAsync();
        await again.GotoAsync($"{app.BaseUrl}/setup?token={token}");
        Assert.True(await again.GetByTestId("setup-closed").IsVisibleAsync());
    }

    [Fact]
    public async Task An_admin_adds_an_editor_who_cannot_reach_the_users_page_and_a_disabled_user_cannot_sign_in()
    {
        await using var app = new AppServer("none", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Email,
            ["Bootstrap:AdminPassword"] = Password,
        });
        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, app, Email, Password);
        await admin.OpenAsync(app.BaseUrl + "/admin/users");

        await admin.GetByTestId("new-email").FillAsync("editor@example.org");
        await admin.ChooseAsync("new-role", "Editor");
        await admin.GetByTestId("new-password").FillAsync("short");
        await admin.GetByTestId("add-user").ClickAsync();
        await Pages.EventuallyAsync(async () => (await admin.GetByTestId("users-message").InnerTextAsync()).Contains("at least 12", StringComparison.Ordinal),
            "a short password was not refused with a reason");
        await admin.GetByTestId("new-password").FillAsync("a long enough passphrase");
        await admin.GetByTestId("add-user").ClickAsync();
        await admin.Locator("tr[data-user='editor@example.org']").WaitForAsync();
        var axe = await admin.SeriousAxeViolationsAsync();
        Assert.True(axe.Length == 0, string.Join("\n", axe));

        var editor = await browser.NewPageAsync();
        await SignInAsync(editor, app, "editor@example.org", "a long enough passphrase");
        await editor.GotoAsync(app.BaseUrl + "/admin/users");
        Assert.True(await editor.GetByTestId("access-denied").IsVisibleAsync());
        Assert.Equal(0, await editor.GetByTestId("nav-users").CountAsync());

        await admin.GetByTestId("toggle-editor@example.org").ClickAsync();
        await Pages.EventuallyAsync(async () => (await admin.Locator("tr[data-user='editor@example.org']").InnerTextAsync()).Contains("disabled", StringComparison.Ordinal),
            "the editor was not shown as disabled");
        var again = await browser.NewPageAsync();
        await again.GotoAsync(app.BaseUrl + "/account/signin");
        await again.GetByTestId("signin-email").FillAsync("editor@example.org");
        await again.GetByTestId("signin-password").FillAsync("a long enough passphrase");
        await again.GetByTestId("signin-submit").ClickAsync();
        Assert.Contains("wrong", await again.GetByTestId("signin-error").InnerTextAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_the_users_page()
    {
        await using var app = new AppServer("none");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/admin/users");

        Assert.Contains("/account/signin", page.Url);
    }

    [Fact]
    public async Task An_editor_adds_an_assessment_that_an_open_overview_shows_without_a_reload()
    {
        await using var app = new AppServer("public-record", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Email,
            ["Bootstrap:AdminPassword"] = Password,
        });
        var watcher = await browser.NewPageAsync();
        await watcher.OpenAsync(app.BaseUrl + "/");
        var drones = watcher.Locator("tr[data-area='drones']");
        Assert.Contains("no public figure", await drones.InnerTextAsync());

        var editor = await browser.NewPageAsync();
        await SignInAsync(editor, app, Email, Password);
        await editor.OpenAsync(app.BaseUrl + "/areas/drones");
        await editor.GetByTestId("add-assessment").ClickAsync();
        await editor.GetByTestId("f-asof").FillAsync("2026-06-30");
        await editor.GetByTestId("f-europe").FillAsync("120");
        await editor.ChooseAsync("f-confidence", "medium");
        await editor.ChooseAsync("f-source", "reuters-2027");
        await editor.GetByTestId("save-assessment").ClickAsync();
        await editor.GetByText("outside 0..100").WaitForAsync();
        await editor.GetByTestId("assessment-form").ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("assessment-form-error") });
        await editor.GetByTestId("f-europe").FillAsync("41.5");
        await editor.GetByTestId("f-us").FillAsync("52");
        await editor.GetByTestId("save-assessment").ClickAsync();
        await editor.GetByTestId("assessment-saved").WaitForAsync();

        await Pages.EventuallyAsync(async () => (await drones.InnerTextAsync()).Contains("41.5%", StringComparison.Ordinal),
            "the overview open in another browser did not show the new figure without a reload");
        Assert.Contains("medium confidence", await drones.InnerTextAsync());
    }

    [Fact]
    public async Task An_editor_previews_a_csv_sees_each_bad_line_then_imports_the_fixed_file()
    {
        await using var app = new AppServer("none", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Email,
            ["Bootstrap:AdminPassword"] = Password,
        });
        var page = await browser.NewPageAsync();
        await SignInAsync(page, app, Email, Password);
        await page.OpenAsync(app.BaseUrl + "/import");
        const string header = "area,as_of,europe_share,us_share,source,confidence,note\n";

        await page.GetByTestId("import-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "bad.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(header + "drones,2026-03-31,40,50,Example Institute,medium,\ndrones,2026-03-31,70,60,Example Institute,medium,\n"),
        });
        await page.GetByTestId("import-problems").WaitForAsync();
        Assert.Contains("line 3", await page.GetByTestId("import-problems").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("import-commit").CountAsync());

        await page.GetByTestId("import-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "good.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(header + "drones,2026-03-31,40,50,Example Institute,medium,first\n"),
        });
        await page.GetByTestId("import-commit").WaitForAsync();
        Assert.Contains("drones", await page.GetByTestId("import-preview").InnerTextAsync());
        await page.GetByTestId("import-commit").ClickAsync();
        await Pages.EventuallyAsync(async () => (await page.GetByTestId("import-message").InnerTextAsync()).Contains("imported 1", StringComparison.Ordinal),
            "the import did not report success");

        await page.OpenAsync(app.BaseUrl + "/");
        Assert.Contains("40%", await page.Locator("tr[data-area='drones']").InnerTextAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_no_edit_form()
    {
        await using var app = new AppServer("none");
        var page = await browser.NewPageAsync();

        await page.OpenAsync(app.BaseUrl + "/areas/drones");

        Assert.Equal(0, await page.GetByTestId("add-assessment").CountAsync());
        Assert.Equal(0, await page.GetByTestId("nav-import").CountAsync());
        await page.GotoAsync(app.BaseUrl + "/import");
        Assert.Contains("/account/signin", page.Url);
    }

    internal static async Task SignInAsync(Microsoft.Playwright.IPage page, AppServer app, string email, string password)
    {
        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.GetByTestId("signin-email").FillAsync(email);
        await page.GetByTestId("signin-password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
    }
}

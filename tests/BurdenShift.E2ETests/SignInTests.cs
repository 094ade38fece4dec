using BurdenShift.E2ETests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;

namespace BurdenShift.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(Infrastructure.Browser browser)
{
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

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help}")));
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
}

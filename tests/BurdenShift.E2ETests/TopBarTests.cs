using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

/// <summary>
/// The top bar on a laptop and a phone (issue 15): with both date pickers set, nothing scrolls sideways,
/// every page is one menu away (and Escape folds it again), and the bar passes axe in both themes, for a reader's static overview
/// and for an admin, who has the most links.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TopBarTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    private const string Email = "admin@example.org";
    private const string Password = "correct horse battery staple";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task At_1280_and_390_pixels_nothing_scrolls_sideways_and_the_menu_reaches_every_page_in_both_themes()
    {
        await using var app = new AppServer("public-record", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Email,
            ["Bootstrap:AdminPassword"] = Password,
        });
        foreach (var width in new[] { 1280, 390 })
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                var context = await browser.Instance.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
                // The remembered choice, as the theme toggle leaves it; static pages read it on the server.
                await context.AddCookiesAsync([new Cookie { Name = "burdenshift-theme", Value = theme, Url = app.BaseUrl }]);
                try
                {
                    var page = await context.NewPageAsync();
                    var name = $"{width}-{theme}";

                    // A reader's overview: a static page, its menu opened by app.js.
                    await page.OpenAsync(app.BaseUrl + "/?asOf=2025-06-30");
                    await page.Locator($".theme-{theme}").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
                    await AssertNoSidewaysScrollAsync(page, $"the reader's overview at {name}");
                    await OpenMenuAsync(page);
                    await CloseWithEscapeAsync(page, $"the reader's overview at {name}");
                    await OpenMenuAsync(page);
                    await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath($"top-bar-reader-{name}") });
                    await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Compare" }).ClickAsync();
                    await page.WaitForUrlContainingAsync("/compare?asOf=2025-06-30");
                    // The address changes before the page arrives (enhanced navigation). Wait for the page
                    // itself: leaving while it is in flight lets its late answer replace the antiforgery
                    // cookie that the sign-in form below was rendered with, and the sign-in is refused.
                    await page.GetByTestId("compare-mode").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                    await page.WaitForSettledAsync();

                    // An admin with both dates set: the widest bar there is.
                    await SignInTests.SignInAsync(page, app, Email, Password);
                    await page.OpenAsync(app.BaseUrl + "/compare?asOf=2025-06-30&knownAt=2026-06-01");
                    await page.GetByTestId("known-at-latest").WaitForAsync();
                    await AssertNoSidewaysScrollAsync(page, $"the admin's compare page at {name}");
                    await OpenMenuAsync(page);
                    await CloseWithEscapeAsync(page, $"the admin's compare page at {name}");
                    await OpenMenuAsync(page);
                    var users = page.GetByTestId("nav-users");
                    Assert.True(await users.IsVisibleAsync(), $"the menu at {name} does not show the Users link");
                    await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath($"top-bar-admin-{name}") });
                    var axe = await page.SeriousAxeViolationsAsync();
                    Assert.True(axe.Length == 0, $"{name}:\n" + string.Join("\n", axe));
                    await users.ClickAsync();
                    await page.WaitForUrlContainingAsync("/admin/users");
                    await Pages.EventuallyAsync(async () => !await page.GetByTestId("nav-users").IsVisibleAsync(), $"the menu at {name} stayed open after choosing a page");
                }
                finally
                {
                    await context.CloseAsync();
                }
            }
        }
    }

    private static async Task OpenMenuAsync(IPage page)
    {
        var toggle = page.GetByTestId("nav-toggle");
        var methodology = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Methodology" });
        Assert.True(await toggle.IsVisibleAsync(), "below 1920 px the pages are a menu");
        Assert.False(await methodology.IsVisibleAsync(), "the links show before the menu is opened");
        await toggle.ClickAsync();
        await Pages.EventuallyAsync(async () => await toggle.GetAttributeAsync("aria-expanded") == "true", "the menu button does not say the menu is open");
        await methodology.WaitForAsync();
    }

    // From a link inside the open menu, as a keyboard user would be: Escape folds the menu and puts
    // focus back on its button, so the next Tab continues from there.
    private static async Task CloseWithEscapeAsync(IPage page, string what)
    {
        var toggle = page.GetByTestId("nav-toggle");
        var methodology = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Methodology" });
        await methodology.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Pages.EventuallyAsync(async () => await toggle.GetAttributeAsync("aria-expanded") == "false" && !await methodology.IsVisibleAsync(),
            $"Escape did not close the menu on {what}");
        await Pages.EventuallyAsync(() => toggle.EvaluateAsync<bool>("b => document.activeElement === b"),
            $"focus did not return to the menu button after Escape on {what}");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{what} scrolls sideways: {widths[0]} px of content in {widths[1]} px");
    }
}

using BurdenShift.Core.Accounts;
using BurdenShift.E2ETests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BurdenShift.E2ETests;

/// <summary>
/// Four-eyes review in Chromium (Editing:Review = required): an editor's save is a draft that an
/// open reader page does not show; a second editor publishes it from /review, and the reader's
/// overview updates then.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    private const string Admin = "admin@example.org";
    private const string Editor = "editor@example.org";
    private const string Password = "correct horse battery staple";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task A_second_editor_publishes_a_draft_from_review_and_only_then_the_overview_changes()
    {
        await using var app = new AppServer("none", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Admin,
            ["Bootstrap:AdminPassword"] = Password,
            ["Editing:Review"] = "required",
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var added = await AccountBootstrap.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>(), Editor, Password, Roles.Editor, TimeProvider.System);
            Assert.True(added.Succeeded);
        }

        var reader = await browser.NewPageAsync();
        await reader.OpenAsync(app.BaseUrl + "/");
        var drones = reader.Locator("tr[data-area='drones']");
        Assert.Contains("no public figure", await drones.InnerTextAsync());

        var editor = await browser.NewPageAsync();
        await SignInTests.SignInAsync(editor, app, Editor, Password);
        await editor.OpenAsync(app.BaseUrl + "/areas/drones");
        await editor.GetByTestId("add-assessment").ClickAsync();
        await editor.GetByTestId("f-asof").FillAsync("2026-06-30");
        await editor.GetByTestId("f-europe").FillAsync("41.5");
        await editor.GetByTestId("f-us").FillAsync("52");
        await editor.ChooseAsync("f-confidence", "medium");
        await editor.ChooseAsync("f-source", "reuters-2027");
        await editor.GetByTestId("save-assessment").ClickAsync();
        await Pages.EventuallyAsync(async () => (await editor.GetByTestId("assessment-saved").InnerTextAsync()).Contains("Kept as draft #1", StringComparison.Ordinal),
            "the save was not kept as a draft");
        await editor.OpenAsync(app.BaseUrl + "/review");
        Assert.Contains("1 draft pending", await editor.GetByTestId("drafts-pending").InnerTextAsync());
        Assert.Equal(1, await editor.GetByTestId("draft-own").CountAsync());
        Assert.Equal(0, await editor.GetByTestId("draft-publish").CountAsync());

        var publisher = await browser.NewPageAsync();
        await SignInTests.SignInAsync(publisher, app, Admin, Password);
        await publisher.OpenAsync(app.BaseUrl + "/review");
        var draft = publisher.Locator("[data-draft='1']");
        Assert.Contains(Editor, await draft.GetByTestId("draft-author").InnerTextAsync());
        var effect = await draft.GetByTestId("draft-effect").InnerTextAsync();
        Assert.Contains("Drones & counter-drone Europe share: none -> 41.5", effect);
        await draft.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("review-draft") });
        var axe = await publisher.SeriousAxeViolationsAsync();
        Assert.True(axe.Length == 0, string.Join("\n", axe));
        // Still a draft: the reader's open page shows the published record only.
        await reader.OpenAsync(app.BaseUrl + "/");
        Assert.Contains("no public figure", await drones.InnerTextAsync());

        await draft.GetByTestId("draft-publish").ClickAsync();
        await Pages.EventuallyAsync(async () => (await publisher.GetByTestId("review-message").InnerTextAsync()).Contains("Draft #1 published", StringComparison.Ordinal),
            "the publish was not confirmed");
        await Pages.EventuallyAsync(async () => (await drones.InnerTextAsync()).Contains("41.5%", StringComparison.Ordinal),
            "the reader's open overview did not show the published figure");
        await Pages.EventuallyAsync(async () => await publisher.GetByTestId("drafts-pending").CountAsync() == 0,
            "the top bar still said a draft was pending after it was published");
    }
}

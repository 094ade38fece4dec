using BurdenShift.Core.Accounts;
using BurdenShift.Core.Editing;
using BurdenShift.E2ETests.Infrastructure;
using Microsoft.AspNetCore.Identity;

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

    [Fact]
    public async Task An_editor_previews_an_area_page_with_a_pending_draft_and_a_reader_never_sees_it()
    {
        await using var app = new AppServer("none", new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = Admin,
            ["Bootstrap:AdminPassword"] = Password,
            ["Editing:Review"] = "required",
        });
        var author = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, Editor), new(System.Security.Claims.ClaimTypes.Role, Roles.Editor)], "test"));
        var draft = await app.Services.GetRequiredService<FigureEditor>().SaveAsync(new FigureSave(
            FigureKind.Assessment, null, null, "drones", new Dictionary<string, string?>
            {
                ["asOf"] = "2026-06-30",
                ["europeShare"] = "43.5",
                ["usShare"] = "50",
                ["confidence"] = "medium",
                [FormFields.Source] = "reuters-2027",
            }, "new census"), author);
        Assert.True(draft.DraftId is not null, string.Join("; ", draft.Errors.Values));

        var editor = await browser.NewPageAsync();
        await SignInTests.SignInAsync(editor, app, Admin, Password);
        await editor.OpenAsync(app.BaseUrl + "/areas/drones");
        Assert.Equal(0, await editor.GetByTestId("preview-banner").CountAsync());
        Assert.DoesNotContain("43.5", await editor.Locator("main").InnerTextAsync());

        // The top bar's toggle, next to the drafts pending badge, turns the preview on.
        await editor.GetByTestId("preview-toggle").ClickAsync();
        await editor.WaitForUrlContainingAsync("preview=drafts");
        await Pages.EventuallyAsync(async () => await editor.GetByTestId("preview-banner").CountAsync() == 1 &&
                (await editor.Locator("main").InnerTextAsync()).Contains("43.5%", StringComparison.Ordinal),
            "the previewed area page did not show the draft's figure with the banner");
        Assert.Contains("Preview: 1 pending draft applied - not published", await editor.GetByTestId("preview-banner").InnerTextAsync());
        await editor.GetByTestId("preview-banner").ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("draft-preview-banner") });

        // Links carry it: the overview is previewed too, until the editor leaves it.
        // Below 1920 px the page links are a menu (ADR 0022): open it, then choose the overview.
        await editor.GetByTestId("nav-toggle").ClickAsync();
        await editor.Locator("nav.main-nav a", new() { HasTextString = "Overview" }).ClickAsync();
        await Pages.EventuallyAsync(async () => (await editor.Locator("tr[data-area='drones']").InnerTextAsync()).Contains("43.5%", StringComparison.Ordinal)
                && await editor.GetByTestId("preview-banner").CountAsync() == 1,
            "the overview reached from the menu was not previewed");
        await editor.GetByTestId("preview-leave").ClickAsync();
        await Pages.EventuallyAsync(async () => await editor.GetByTestId("preview-banner").CountAsync() == 0
                && !(await editor.Locator("tr[data-area='drones']").InnerTextAsync()).Contains("43.5%", StringComparison.Ordinal),
            "leaving the preview did not show the published figures");

        // A reader asking for the preview gets the published page and a note saying why.
        var reader = await browser.NewPageAsync();
        await reader.OpenAsync(app.BaseUrl + "/areas/drones?preview=drafts");
        Assert.Equal(0, await reader.GetByTestId("preview-banner").CountAsync());
        var text = await reader.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("43.5", text);
        Assert.Contains("is for signed-in editors and admins", text);
    }
}

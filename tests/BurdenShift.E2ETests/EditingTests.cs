using System.Security.Claims;
using BurdenShift.Core.Accounts;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Editing;
using BurdenShift.E2ETests.Infrastructure;
using BurdenShift.Web.Live;

namespace BurdenShift.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class EditingTests(Infrastructure.Browser browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    private const string Email = "admin@example.org";
    private const string Password = "correct horse battery staple";

    private static AppServer App() => new("none", new Dictionary<string, string>
    {
        ["Bootstrap:AdminEmail"] = Email,
        ["Bootstrap:AdminPassword"] = Password,
    });

    // An assessment already stored, as an earlier editor would have left it.
    private static async Task<long> StoredAssessmentAsync(AppServer app)
    {
        var editor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "earlier@example.org"), new Claim(ClaimTypes.Role, Roles.Editor)], "test"));
        var result = await app.Services.GetRequiredService<FigureEditor>().AddShareAssessmentAsync(
            new ShareAssessmentDraft("drones", new DateOnly(2026, 3, 31), 40m, 50m, Confidence.Medium, "reuters-2027", null, null, null, null), editor);
        Assert.True(result.Succeeded);
        // The app has seen this write before any page opens, so no page is told of it as news.
        await app.Services.GetRequiredService<DataChangeWatcher>().PollAsync();
        return result.Id!.Value;
    }

    private async Task<IPage> SignedInAsync(AppServer app)
    {
        var page = await browser.NewPageAsync();
        await SignInTests.SignInAsync(page, app, Email, Password);
        return page;
    }

    [Fact]
    public async Task A_conflicting_edit_in_a_second_browser_shows_both_versions_and_can_overwrite_knowingly()
    {
        await using var app = App();
        var id = await StoredAssessmentAsync(app);
        var first = await SignedInAsync(app);
        var second = await SignedInAsync(app);
        await first.OpenAsync($"{app.BaseUrl}/edit/assessment/{id}");
        await second.OpenAsync($"{app.BaseUrl}/edit/assessment/{id}");

        await first.GetByTestId("f-europeShare").FillAsync("45");
        await first.GetByTestId("f-reason").FillAsync("new estimate");
        await first.GetByTestId("save-figure").ClickAsync();
        await first.WaitForUrlContainingAsync("/areas/drones");

        await second.GetByTestId("f-europeShare").FillAsync("47");
        await second.GetByTestId("f-reason").FillAsync("my estimate");
        await second.GetByTestId("save-figure").ClickAsync();
        var dialog = second.GetByTestId("conflict-dialog");
        await dialog.WaitForAsync();
        await dialog.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("conflict-dialog") });
        var row = dialog.Locator("tr[data-field='europeShare']");
        Assert.Equal("45", await row.GetByTestId("conflict-stored").InnerTextAsync());
        Assert.Equal("47", await row.GetByTestId("conflict-mine").InnerTextAsync());
        Assert.Contains(Email, await dialog.InnerTextAsync());
        // The live-update note about the first save is scanned too, once it is shown and still.
        // It says what changed, never who: the note reaches anonymous readers too.
        var note = second.Locator(".mud-snackbar").GetByText("1 share assessment revised");
        await note.WaitForAsync();
        Assert.DoesNotContain(Email, await note.InnerTextAsync(), StringComparison.Ordinal);
        var axe = await second.SeriousAxeViolationsAsync();
        Assert.True(axe.Length == 0, string.Join("\n", axe));

        await dialog.GetByTestId("conflict-overwrite").ClickAsync();
        await second.WaitForUrlContainingAsync("/areas/drones");
        await second.OpenAsync($"{app.BaseUrl}/history/assessment/{id}");
        var history = second.GetByTestId("history");
        await history.WaitForAsync();
        // Both saves are in the history: nothing was lost.
        var text = await history.InnerTextAsync();
        Assert.Contains("new estimate", text);
        Assert.Contains("my estimate", text);
        Assert.Equal(3, await history.Locator("li").CountAsync());
    }

    [Fact]
    public async Task An_editor_deletes_an_assessment_with_a_reason_and_restores_it_from_the_history()
    {
        await using var app = App();
        var id = await StoredAssessmentAsync(app);
        var page = await SignedInAsync(app);
        await page.OpenAsync($"{app.BaseUrl}/areas/drones");
        Assert.Contains("40%", await page.GetByTestId("assessments").InnerTextAsync());
        await page.GetByTestId($"edit-assessment-{id}").ClickAsync();
        await page.GetByTestId("delete-figure").WaitForAsync();
        var axe = await page.SeriousAxeViolationsAsync();
        Assert.True(axe.Length == 0, string.Join("\n", axe));

        await page.GetByTestId("delete-figure").ClickAsync();
        await page.GetByText("Say why you delete it").WaitForAsync();
        await page.GetByTestId("f-delete-reason").FillAsync("duplicate of the March figure");
        await page.GetByTestId("delete-figure").ClickAsync();
        await page.WaitForUrlContainingAsync("/areas/drones");
        await Pages.EventuallyAsync(async () => await page.GetByTestId("assessments").CountAsync() == 0,
            "the deleted assessment is still listed");

        await page.OpenAsync($"{app.BaseUrl}/areas/drones/history");
        var deletion = page.Locator("li[data-action='delete']");
        Assert.Contains("duplicate of the March figure", await deletion.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("area-history"), FullPage = true });
        await deletion.GetByTestId("revert").ClickAsync();
        await page.GetByTestId("revert-reason").FillAsync("it was not a duplicate");
        await page.GetByTestId("revert-confirm").ClickAsync();
        await Pages.EventuallyAsync(async () => (await page.GetByTestId("history-message").InnerTextAsync()).Contains("reverted", StringComparison.Ordinal),
            "the revert was not confirmed");

        await page.OpenAsync($"{app.BaseUrl}/areas/drones");
        Assert.Contains("40%", await page.GetByTestId("assessments").InnerTextAsync());
    }

    [Fact]
    public async Task A_bad_value_is_refused_next_to_its_field_and_nothing_changes()
    {
        await using var app = App();
        var page = await SignedInAsync(app);
        await page.OpenAsync($"{app.BaseUrl}/new/target?parent=drones");

        await page.GetByTestId("f-key").FillAsync("2028");
        await page.GetByTestId("f-label").FillAsync("Interim");
        await page.GetByTestId("f-value").FillAsync("120");
        await page.GetByTestId("f-deadline").FillAsync("2028-12-31");
        await page.GetByTestId("save-figure").ClickAsync();

        await page.GetByText("outside 0..100").WaitForAsync();
        await page.GetByText("This field is required.").First.WaitForAsync();
        await page.GetByTestId("figure-form").ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("target-form-errors") });
        Assert.Contains("/new/target", page.Url);
        await page.OpenAsync($"{app.BaseUrl}/areas/drones");
        Assert.Equal(0, await page.GetByTestId("edit-target-2028").CountAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_reach_an_edit_form()
    {
        await using var app = App();
        var id = await StoredAssessmentAsync(app);
        var page = await browser.NewPageAsync();

        foreach (var path in new[] { $"/edit/assessment/{id}", "/new/area", "/new/milestone?parent=drones", "/areas/drones/targets/2027/edit" })
        {
            await page.GotoAsync(app.BaseUrl + path);
            Assert.Contains("/account/signin", page.Url);
        }

        await page.OpenAsync($"{app.BaseUrl}/areas/drones");
        Assert.Equal(0, await page.GetByTestId($"edit-assessment-{id}").CountAsync());
        Assert.Equal(0, await page.GetByTestId("add-area").CountAsync());
    }

    [Fact]
    public async Task An_editor_adds_an_area_that_starts_with_no_public_figure_and_both_standard_targets()
    {
        await using var app = App();
        var page = await SignedInAsync(app);
        await page.OpenAsync(app.BaseUrl + "/");
        await page.GetByTestId("add-area").ClickAsync();
        await page.GetByTestId("f-key").WaitForAsync();

        await page.GetByTestId("f-key").FillAsync("space-lift");
        await page.GetByTestId("f-name").FillAsync("Space lift");
        await page.GetByTestId("f-description").FillAsync("Launch and on-orbit services for NATO operations.");
        await page.GetByTestId("save-figure").ClickAsync();
        await page.WaitForUrlContainingAsync("/areas/space-lift");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Space lift" }).WaitForAsync();
        Assert.Contains("No public figure", await page.InnerTextAsync("main"));
        Assert.Equal(1, await page.GetByTestId("edit-target-2027").CountAsync());
        Assert.Equal(1, await page.GetByTestId("edit-target-2030").CountAsync());
        await page.OpenAsync(app.BaseUrl + "/");
        Assert.Contains("no public figure", await page.Locator("tr[data-area='space-lift']").InnerTextAsync());

        // The area page links to the new area's own edit form (the read model carries its id).
        await page.OpenAsync(app.BaseUrl + "/areas/space-lift");
        await page.GetByTestId("edit-area").ClickAsync();
        await page.WaitForUrlContainingAsync("/edit/area/");
        await page.GetByTestId("f-name").WaitForAsync();
        Assert.Equal("Space lift", await page.GetByTestId("f-name").InputValueAsync());
    }

    [Fact]
    public async Task An_editor_imports_a_workbook_and_undoes_the_whole_import()
    {
        await using var app = App();
        var page = await SignedInAsync(app);
        await page.OpenAsync(app.BaseUrl + "/import");

        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "shares.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Workbook(
                ["area", "as_of", "europe_share", "us_share", "source", "confidence", "note"],
                ["drones", "2026-03-31", "40", "50", "Example Institute", "medium", "from a workbook"],
                ["ammunition", "2026-03-31", "44.5", "", "Example Institute", "low", ""]),
        });
        await page.GetByTestId("import-commit").WaitForAsync();
        Assert.Contains("ammunition", await page.GetByTestId("import-preview").InnerTextAsync());
        await page.GetByTestId("import-commit").ClickAsync();
        await page.Locator("[data-testid='imports'] tr[data-import]").First.WaitForAsync();
        await page.OpenAsync(app.BaseUrl + "/");
        Assert.Contains("44.5%", await page.Locator("tr[data-area='ammunition']").InnerTextAsync());

        await page.OpenAsync(app.BaseUrl + "/import");
        await page.GetByTestId("undo-import").ClickAsync();
        await page.GetByTestId("undo-confirm").ClickAsync();
        await page.GetByText("Say why you undo this import").WaitForAsync();
        await page.GetByTestId("undo-reason").FillAsync("wrong file");
        await page.GetByTestId("undo-confirm").ClickAsync();
        await Pages.EventuallyAsync(async () => (await page.GetByTestId("imports").InnerTextAsync()).Contains("undone", StringComparison.Ordinal),
            "the import was not shown as undone");
        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("import-undone"), FullPage = true });

        await page.OpenAsync(app.BaseUrl + "/");
        Assert.Contains("no public figure", await page.Locator("tr[data-area='ammunition']").InnerTextAsync());
    }

    // A minimal workbook: one sheet, every cell an inline string, as a user's spreadsheet saves text.
    private static byte[] Workbook(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheetPart = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            foreach (var values in rows)
            {
                var row = new DocumentFormat.OpenXml.Spreadsheet.Row();
                foreach (var value in values)
                {
                    row.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell
                    {
                        DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                        InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value)),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
            workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = "Shares",
            }));
        }

        return stream.ToArray();
    }
}

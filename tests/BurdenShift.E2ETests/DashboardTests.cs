using System.Diagnostics;
using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

/// <summary>The analyst's dashboard in Chromium against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task The_overview_shows_both_targets_for_the_index_and_every_area()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/");

        Assert.Contains("2027", await page.GetByTestId("index-2027").InnerTextAsync());
        Assert.Contains("2030", await page.GetByTestId("index-2030").InnerTextAsync());
        foreach (var key in new[] { "isr", "air-defence", "missiles", "ammunition", "drones", "cyber" })
        {
            var row = page.Locator($"tr[data-area='{key}']");
            Assert.True(await row.Locator("td[data-target='2027'] .status").IsVisibleAsync(), $"{key} has no 2027 status");
            Assert.True(await row.Locator("td[data-target='2030'] .status").IsVisibleAsync(), $"{key} has no 2030 status");
        }
    }

    [Fact]
    public async Task The_as_of_picker_replays_an_earlier_date_and_back_returns_to_today()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/");
        var europe = page.Locator("tr[data-area='drones'] td").First;
        var today = await europe.InnerTextAsync();

        await page.GetByLabel("Data as of").FillAsync("2023-06-30");

        await page.WaitForUrlContainingAsync("asOf=2023-06-30");
        await Pages.EventuallyAsync(async () => await page.GetByTestId("as-of").InnerTextAsync() == "2023-06-30", "the page did not replay 2023-06-30");
        var then = await europe.InnerTextAsync();
        Assert.NotEqual(today, then);

        await page.GoBackAsync();
        await Pages.EventuallyAsync(async () => await europe.InnerTextAsync() == today, "back did not return to today's figures");
    }

    [Fact]
    public async Task A_permalink_reproduces_the_compare_view()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/compare");
        await page.GetByTestId("choose-isr").CheckAsync();
        await page.WaitForUrlContainingAsync("keys=isr");
        await page.GetByTestId("choose-drones").CheckAsync();
        await page.WaitForUrlContainingAsync("keys=isr,drones");
        await page.GetByLabel("Data as of").FillAsync("2025-03-31");
        await page.WaitForUrlContainingAsync("asOf=2025-03-31");
        var link = page.Url;

        var other = await browser.NewPageAsync();
        await other.OpenAsync(link);
        var table = await other.GetByTestId("compare-table").InnerTextAsync();
        await Pages.EventuallyAsync(async () => await page.GetByTestId("compare-table").InnerTextAsync() == table,
            "the permalink shows other figures than the page it was copied from");

        Assert.True(await other.GetByTestId("choose-isr").IsCheckedAsync());
        Assert.True(await other.GetByTestId("choose-drones").IsCheckedAsync());
        Assert.False(await other.GetByTestId("choose-cyber").IsCheckedAsync());
        Assert.Equal("2025-03-31", await other.GetByLabel("Data as of").InputValueAsync());
        Assert.Equal(2, await other.Locator("[data-testid='compare-table'] tbody tr").CountAsync());
        Assert.True(await other.GetByTestId("line-chart").IsVisibleAsync());
    }

    [Fact]
    public async Task What_changed_lists_figures_statuses_and_milestones_between_two_dates()
    {
        var app = apps.Illustrative;
        var page = await browser.NewPageAsync();

        await page.OpenAsync(app.BaseUrl + "/changes?from=2024-12-31&asOf=2025-12-31");

        Assert.Contains("Between 2024-12-31 and 2025-12-31", await page.GetByTestId("changes-period").InnerTextAsync());
        // Four quarterly illustrative figures per area fall in 2025: more than a page of 25, newest first.
        var figures = page.GetByTestId("figure-changes");
        Assert.True(int.Parse(await figures.GetAttributeAsync("data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 28);
        Assert.Equal(25, await figures.Locator("tbody tr").CountAsync());
        Assert.True(await page.Locator("[data-testid='milestone-moves'] li").CountAsync() > 0);
        var newestOnFirst = await figures.Locator("tbody tr td").First.InnerTextAsync();

        // The pager's "older" link shows the older figures.
        await page.GetByTestId("figure-changes-pager").GetByRole(AriaRole.Link, new() { Name = "older ›" }).ClickAsync();
        await page.WaitForUrlContainingAsync("page=2");
        await Pages.EventuallyAsync(async () => await figures.GetAttributeAsync("data-page") == "2", "page 2 did not show");
        Assert.InRange(await figures.Locator("tbody tr").CountAsync(), 3, 25);
        Assert.True(string.CompareOrdinal(await figures.Locator("tbody tr td").First.InnerTextAsync(), newestOnFirst) <= 0, "page 2 holds newer figures than page 1");
    }

    [Fact]
    public async Task A_figure_imported_by_another_process_appears_on_an_open_page_without_a_reload()
    {
        await using var app = new AppServer();
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/areas/drones");
        var shares = page.Locator("main").GetByText("38.5%");
        Assert.Equal(0, await shares.CountAsync());

        var csv = Path.Combine(Path.GetTempPath(), $"burdenshift-e2e-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "area,as_of,europe_share,us_share,source,confidence,note\ndrones,2025-06-30,38.5,55,Example Institute,medium,live\n");
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll"), "import", csv })
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["ConnectionStrings__BurdenShift"] = $"Data Source={app.DatabaseFile}";
            psi.Environment["Database__Provider"] = "Sqlite";
            using var import = Process.Start(psi)!;
            var output = await import.StandardError.ReadToEndAsync();
            await import.WaitForExitAsync();
            Assert.True(import.ExitCode == 0, output);
        }
        finally
        {
            File.Delete(csv);
        }

        await Pages.EventuallyAsync(async () => await shares.CountAsync() > 0, "the imported 38.5% did not appear without a reload", 10_000);
        Assert.Contains("share assessment added", await page.Locator(".mud-snackbar").First.InnerTextAsync());
    }

    [Theory]
    [InlineData("/", "light")]
    [InlineData("/areas/ammunition", "light")]
    [InlineData("/areas/isr", "dark")]
    [InlineData("/compare?keys=isr,drones", "light")]
    [InlineData("/compare?mode=indicators&keys=eu-155mm-capacity", "light")]
    [InlineData("/changes?from=2024-01-01", "light")]
    [InlineData("/sources", "light")]
    [InlineData("/methodology", "light")]
    [InlineData("/", "dark")]
    [InlineData("/changes?from=2024-01-01", "dark")]
    [InlineData("/sources", "dark")]
    [InlineData("/briefing-pack", "light")]
    [InlineData("/briefing-pack", "dark")]
    public async Task Every_page_has_no_serious_accessibility_violation(string path, string theme)
    {
        var app = apps.PublicRecord;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + path);
        if (theme == "dark")
        {
            await page.GetByTestId("theme-toggle").ClickAsync();
            await page.Locator(".theme-dark").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }

        var name = $"page{path.Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-').Replace(',', '-')}-{theme}";
        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath(name), FullPage = true });
        var serious = await page.SeriousAxeViolationsAsync();
        Assert.True(serious.Length == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task The_dark_mode_choice_is_remembered_by_the_browser()
    {
        var app = apps.PublicRecord;
        var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.Locator(".theme-dark").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var again = await context.NewPageAsync();
        await again.OpenAsync(app.BaseUrl + "/compare");

        await again.Locator(".theme-dark").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });
    }
}

using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using BurdenShift.E2ETests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BurdenShift.E2ETests;

/// <summary>
/// What a reader of the long and the much-read pages sees (issue 10): an anonymous reader's overview is
/// a static page without a circuit that still follows live updates (ADR 0015), and long lists page
/// through their rows, newest first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderPageTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task An_anonymous_reader_gets_the_overview_without_a_circuit_and_still_sees_a_new_figure_live()
    {
        await using var app = new AppServer();
        var page = await browser.NewPageAsync();
        var sockets = 0;
        page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        await page.OpenAsync(app.BaseUrl + "/");
        var drones = page.Locator("tr[data-area='drones']");
        Assert.Contains("no public figure", await drones.InnerTextAsync());

        // The sort works as a navigation, without a circuit.
        await page.GetByTestId("sort").SelectOptionAsync("name");
        await page.WaitForUrlContainingAsync("sort=name");
        await Pages.EventuallyAsync(async () =>
        {
            var names = await page.Locator("tr[data-area] a.area-name").AllInnerTextsAsync();
            return names.Count == 7 && names.SequenceEqual(names.Order(StringComparer.OrdinalIgnoreCase));
        }, "the areas are not sorted by name");

        // A figure saved by another part of the app (as an editor's save is).
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<BurdenShiftDbContext>>().CreateDbContextAsync())
        {
            db.ShareAssessments.Add(new ShareAssessment
            {
                AreaId = (await db.Areas.SingleAsync(a => a.Key == "drones")).Id,
                AsOf = new DateOnly(2026, 6, 29),
                EuropeShare = 47.3m,
                UsShare = 45m,
                SourceId = (await db.Sources.FirstAsync()).Id,
                Confidence = Confidence.Medium,
                EnteredBy = "e2e",
                EnteredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await Pages.EventuallyAsync(async () => (await drones.InnerTextAsync()).Contains("47.3%", StringComparison.Ordinal),
            "the open overview did not show the new figure without a reload", 10_000);
        await Pages.EventuallyAsync(async () => (await page.GetByTestId("live-notice").InnerTextAsync()).Contains("Figures updated", StringComparison.Ordinal),
            "the page did not say that the figures changed");
        Assert.Contains("sort=name", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref sockets)); // Blazor Server's circuit is a WebSocket: none was opened
    }

    [Fact]
    public async Task The_sources_page_shows_its_first_page_and_older_pages_through_the_pager()
    {
        var app = apps.PublicRecord;
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.BaseUrl + "/sources");
        var sources = page.GetByTestId("sources");
        Assert.Equal(20, await sources.Locator("li[data-source]").CountAsync());
        var first = await sources.Locator("li[data-source]").First.GetAttributeAsync("data-source");
        Assert.Contains("1–20 of", await page.GetByTestId("sources-pager-status").InnerTextAsync());

        await page.GetByTestId("sources-pager").GetByRole(AriaRole.Link, new() { Name = "older ›" }).ClickAsync();

        await page.WaitForUrlContainingAsync("page=2");
        await Pages.EventuallyAsync(async () => await sources.GetAttributeAsync("data-page") == "2", "page 2 did not show");
        Assert.Contains("21–40 of", await page.GetByTestId("sources-pager-status").InnerTextAsync());
        Assert.NotEqual(first, await sources.Locator("li[data-source]").First.GetAttributeAsync("data-source"));
        await page.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("sources-page-2"), FullPage = true });
    }
}

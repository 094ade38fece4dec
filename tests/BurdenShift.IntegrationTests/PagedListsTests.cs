using System.Text.RegularExpressions;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// The long lists of the pages (the source registry, an area's edit history and what changed) show
/// one page on the server, newest first, with a pager: a history of thousands of rows renders a
/// bounded page, and page 2 holds the older rows (issue 10, docs/decisions/0012). Read as a reader
/// gets them: the server-rendered HTML.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PagedListsTests(PostgresServer postgres)
{
    private const int Rows = 3_000;
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_sources_page_shows_a_page_of_sources_and_the_newest_figures_of_a_much_cited_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await AddHistoryAsync(database);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();

        // The public record's 94 sources and the test's own: 20 a page, five pages.
        var first = await client.GetStringAsync("/sources?asOf=2026-06-30");
        Assert.Equal(20, Count(first, "<li data-source="));
        Assert.Contains("sources: 1–20 of 95, newest first · page 1 of 5", Text(first), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sources-pager\"", first, StringComparison.Ordinal);

        var last = await client.GetStringAsync("/sources?asOf=2026-06-30&page=5");
        Assert.Equal(15, Count(last, "<li data-source="));
        Assert.Empty(SourceKeys(first).Intersect(SourceKeys(last)));
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);

        // A source cited 3,000 times lists its newest 10 and counts them all.
        var cited = await client.GetStringAsync("/sources?asOf=2026-06-30&q=paging-census");
        Assert.Equal(1, Count(cited, "<li data-source="));
        Assert.Contains("Cited by 3,000 share assessments dated on or before 2026-06-30.", Text(cited), StringComparison.Ordinal);
        Assert.Contains("The newest 10 of 3,000 share assessments citing this source", Text(cited), StringComparison.Ordinal);
        var table = Between(cited, "data-testid=\"cited-assessments\"", "</table>");
        Assert.True(Count(table, "<tr") == 11, table);
        Assert.Contains(">2026-06-30<", cited, StringComparison.Ordinal);
        Assert.DoesNotContain(">2026-06-20<", cited, StringComparison.Ordinal); // the 11th newest

        // A page that is not a number shows the first page and says so.
        var bad = await client.GetAsync("/sources?page=two");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("showing the first page instead", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task What_changed_lists_a_page_of_figures_newest_first_and_the_older_ones_on_page_2(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await AddHistoryAsync(database);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();

        var first = await client.GetStringAsync("/changes?from=2018-01-01&asOf=2026-06-30");
        var figures = Between(first, "data-testid=\"figure-changes\"", "</table>");
        Assert.Equal(25, Count(figures, "<th scope=\"row\">"));
        Assert.Matches(@"[\d,]+ figure\(s\) added or revised", Text(first));
        Assert.Contains("figures added or revised: 1–25 of", Text(first), StringComparison.Ordinal);
        // Newest first: the test's daily figures run back from 30 June 2026.
        Assert.Equal("2026-06-30", Dates(figures)[0]);

        var second = Between(await client.GetStringAsync("/changes?from=2018-01-01&asOf=2026-06-30&page=2"), "data-testid=\"figure-changes\"", "</table>");
        Assert.Equal(25, Count(second, "<th scope=\"row\">"));
        Assert.True(string.CompareOrdinal(Dates(second)[0], Dates(figures)[^1]) <= 0, "page 2 holds older figures");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_huge_edit_history_shows_its_newest_changes_and_the_older_ones_on_page_2(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await AddHistoryAsync(database);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"BurdenShift.Auth={await AuthCookie.ForAsync(app, Roles.Viewer, "viewer@example.org")}");

        var first = await client.GetStringAsync("/areas/drones/history");
        Assert.Equal(25, Count(first, "data-audit="));
        Assert.Contains($"changes: 1–25 of {Rows:N0}, newest first · page 1 of 120", Text(first), StringComparison.Ordinal);
        var newest = AuditIds(first);
        Assert.Equal(newest.OrderDescending(), newest);

        var second = AuditIds(await client.GetStringAsync("/areas/drones/history?page=2"));
        Assert.Equal(25, second.Count);
        Assert.True(second.Max() < newest.Min(), "page 2 holds older changes");

        // Past the last page: the last page, the oldest change.
        var last = await client.GetStringAsync("/areas/drones/history?page=9999");
        Assert.Contains("page 120 of 120", Text(last), StringComparison.Ordinal);
        Assert.Contains("paging test change 1 of", last, StringComparison.Ordinal);
    }

    /// <summary>The public record, a source cited by a daily drones history of 3,000 rows, and as many audited changes to drones.</summary>
    private static async Task AddHistoryAsync(TestDatabase database)
    {
        await using var db = await database.CreateSeededContextAsync("public-record");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var source = new Source
        {
            Key = "paging-census",
            Publisher = "Example Institute",
            Title = "Daily drone census",
            Confidence = Confidence.Medium,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UtcNow,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Rows; i++)
        {
            db.ShareAssessments.Add(new ShareAssessment
            {
                AreaId = drones.Id,
                AsOf = AsOf.AddDays(-i),
                EuropeShare = 10m + (i % 40),
                UsShare = 40m,
                SourceId = source.Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = at,
            });
            db.AuditEntries.Add(new AuditEntry
            {
                At = at.AddMinutes(i),
                By = "test",
                Action = "update",
                EntityType = nameof(CapabilityArea),
                EntityId = drones.Id.ToString(CultureInfo.InvariantCulture),
                Summary = $"paging test change {i + 1} of {Rows}",
                OldValues = $$"""{"Description":"v{{i}}"}""",
                NewValues = $$"""{"Description":"v{{i + 1}}"}""",
                AreaKey = "drones",
            });
        }

        await db.SaveChangesAsync();
    }

    private static int Count(string html, string marker) => Regex.Count(html, Regex.Escape(marker));

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} in the page");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    // The page's text as a reader sees it: tags out, entities and runs of white space as one space.
    private static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    private static List<string> SourceKeys(string html) => [.. SourceKey().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<long> AuditIds(string html) => [.. AuditId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static List<string> Dates(string html) => [.. IsoDate().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<li data-source=\"([^\"]+)\"")]
    private static partial Regex SourceKey();

    [GeneratedRegex("data-audit=\"(\\d+)\"")]
    private static partial Regex AuditId();

    [GeneratedRegex("<td class=\"nowrap\">(\\d{4}-\\d{2}-\\d{2})</td>")]
    private static partial Regex IsoDate();
}

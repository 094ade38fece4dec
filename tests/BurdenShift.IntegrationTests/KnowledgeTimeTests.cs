using BurdenShift.Core.Changes;
using BurdenShift.Core.Inputs;
using BurdenShift.Web.Exports;
using BurdenShift.Web.Live;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;
using A = DocumentFormat.OpenXml.Drawing;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// Knowledge time (docs/methodology.md): the dashboard computed for a moment K uses the rows as
/// they stood at K, whatever was revised, deleted or published since; without K the latest record.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KnowledgeTimeTests(PostgresServer postgres)
{
    private static readonly ClaimsPrincipal Alice = EditScene.User("alice@example.org", Roles.Editor);

    /// <summary>The editors' clock: each write happens when the test says.</summary>
    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>
    /// A scene written in two rounds an hour apart. At K (between them) drones has A1 = 41.5 and A2
    /// (30, earlier), target 2027 = 60 and milestone "First battery delivered"; after K, A1 is revised
    /// to 45, A2 deleted, A3 (50, later) published, the target raised to 70, the milestone deleted and
    /// "Second battery delivered" published.
    /// </summary>
    private sealed record Story(EditScene Scene, FigureEditor Editor, DateTimeOffset BeforeAll, DateTimeOffset K, long A1, long A2, long A3);

    private async Task<Story> WriteStoryAsync(DatabaseProvider provider, Func<EditScene, Task>? atK = null)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var clock = new Clock(start);
        var editor = new FigureEditor(scene.Database.Factory(), clock, NullLogger<FigureEditor>.Instance);
        async Task<long> Add(FigureKind kind, Dictionary<string, string?> values)
        {
            var result = await editor.SaveAsync(new FigureSave(kind, null, null, "drones", values, null), Alice);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
            return result.Id!.Value;
        }

        async Task Save(FigureKind kind, long id, string reason, params (string, string?)[] changes)
        {
            var result = await editor.SaveAsync(EditScene.Edit(await editor.LoadAsync(kind, id) ?? throw new InvalidOperationException(), reason, changes), Alice);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        }

        async Task Delete(FigureKind kind, long id, string reason)
        {
            var form = await editor.LoadAsync(kind, id) ?? throw new InvalidOperationException();
            Assert.True((await editor.DeleteAsync(kind, id, form.Token, reason, Alice)).Succeeded);
        }

        var a1 = await Add(FigureKind.Assessment, EditScene.Assessment("41.5", "52"));
        var early = EditScene.Assessment("30", "60");
        early["asOf"] = "2026-03-31";
        var a2 = await Add(FigureKind.Assessment, early);
        var target = await scene.TargetIdAsync("drones", "2027");
        await Save(FigureKind.Target, target, "the roadmap's figure", ("value", "60"));
        var m1 = await Add(FigureKind.Milestone, EditScene.Milestone("First battery delivered"));

        clock.Now = start.AddHours(1);
        if (atK is not null)
        {
            await atK(scene);
        }

        clock.Now = start.AddHours(2);
        await Save(FigureKind.Assessment, a1, "the source corrected its table", ("europeShare", "45"));
        await Delete(FigureKind.Assessment, a2, "entered twice");
        var later = EditScene.Assessment("50", "45");
        later["asOf"] = "2026-09-30";
        var a3 = await Add(FigureKind.Assessment, later);
        await Save(FigureKind.Target, target, "raised at the summit", ("value", "70"));
        await Delete(FigureKind.Milestone, m1, "cancelled");
        await Add(FigureKind.Milestone, EditScene.Milestone("Second battery delivered"));
        return new Story(scene, editor, start.AddMinutes(-1), start.AddHours(1), a1, a2, a3);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_dashboard_at_a_knowledge_time_shows_the_rows_as_they_stood_then(DatabaseProvider provider)
    {
        var story = await WriteStoryAsync(provider);
        await using var scene = story.Scene;

        var then = await scene.Dashboard.KnownAt(story.K).GetAreaAsync("drones", EditScene.AsOf);
        var now = await scene.Dashboard.GetAreaAsync("drones", EditScene.AsOf);

        // Revised after K: the old value at K, the new one without K.
        Assert.Equal(41.5m, then!.Latest!.EuropeShare);
        Assert.Equal(41.5m, then.Assessments.Single(a => a.Id == story.A1).EuropeShare);
        Assert.Equal(45m, now!.Assessments.Single(a => a.Id == story.A1).EuropeShare);
        // Deleted after K: still counts at K.
        Assert.Contains(then.Assessments, a => a.Id == story.A2);
        Assert.DoesNotContain(now.Assessments, a => a.Id == story.A2);
        Assert.Equal(2, then.ShareHistory.Rows);
        // Published after K: not at K.
        Assert.DoesNotContain(then.Assessments, a => a.Id == story.A3);
        Assert.Equal(50m, now.Latest!.EuropeShare);
        // Targets and milestones as they stood at K.
        Assert.Equal(60m, then.Targets.Single(t => t.Key == "2027").Value);
        Assert.Equal(70m, now.Targets.Single(t => t.Key == "2027").Value);
        Assert.Contains(then.Milestones, m => m.Title == "First battery delivered");
        Assert.DoesNotContain(then.Milestones, m => m.Title == "Second battery delivered");
        Assert.Contains(now.Milestones, m => m.Title == "Second battery delivered");
        Assert.DoesNotContain(now.Milestones, m => m.Title == "First battery delivered");

        // The overview and the area page agree at K, as they do without it.
        var overview = (await scene.Dashboard.KnownAt(story.K).GetAreasAsync(EditScene.AsOf)).Single(a => a.Key == "drones");
        Assert.Equal(then.Latest, overview.Latest);
        Assert.Equal(then.Targets, overview.Targets);
        Assert.Equal(then.TrendPerYear, overview.TrendPerYear);

        // Before anything was written, drones had no figure (the seeded areas and targets were known).
        var before = await scene.Dashboard.KnownAt(story.BeforeAll).GetAreaAsync("drones", EditScene.AsOf);
        Assert.Null(before!.Latest);
        Assert.Empty(before.Assessments);
        Assert.NotEmpty(before.Targets);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_source_or_indicator_renamed_after_a_knowledge_time_shows_its_old_name_and_unit_then(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        var latest = await scene.Dashboard.GetAreasAsync(EditScene.AsOf);
        var cited = latest.First(a => a.Latest is not null);
        var source = cited.Latest!.Source;
        var indicator = (await scene.Dashboard.GetIndicatorsAsync(EditScene.AsOf))[0];
        var k = DateTimeOffset.UtcNow.AddDays(1);
        var clock = new Clock(k.AddHours(1));

        // No edit form renames them yet: the audited write every path uses does, and records their versions.
        var renamed = await AuditedWrite.RunAsync(scene.Database.Factory(), clock, "alice@example.org", "the publisher's new name", async (write, ct) =>
        {
            var s = await write.Db.Sources.SingleAsync(x => x.Key == source.Key, ct);
            write.Update(s, () => (s.Publisher, s.Title) = ("Renamed Publisher", "Renamed title"), null);
            var i = await write.Db.Indicators.SingleAsync(x => x.Key == indicator.Key, ct);
            write.Update(i, () => (i.Name, i.Unit) = ("Renamed indicator", "renamed units"), null);
            await write.SaveAsync(ct);
            return SaveResult.Done(i.Id);
        }, CancellationToken.None);
        Assert.True(renamed.Succeeded);

        var then = await scene.Dashboard.KnownAt(k).GetAreasAsync(EditScene.AsOf);
        var now = await scene.Dashboard.GetAreasAsync(EditScene.AsOf);
        var indicatorThen = (await scene.Dashboard.KnownAt(k).GetIndicatorsAsync(EditScene.AsOf)).Single(i => i.Key == indicator.Key);
        var indicatorNow = (await scene.Dashboard.GetIndicatorsAsync(EditScene.AsOf)).Single(i => i.Key == indicator.Key);

        Assert.Equal((source.Publisher, source.Title), (then.Single(a => a.Key == cited.Key).Latest!.Source.Publisher, then.Single(a => a.Key == cited.Key).Latest!.Source.Title));
        Assert.Equal(("Renamed Publisher", "Renamed title"), (now.Single(a => a.Key == cited.Key).Latest!.Source.Publisher, now.Single(a => a.Key == cited.Key).Latest!.Source.Title));
        Assert.Equal((indicator.Name, indicator.Unit), (indicatorThen.Name, indicatorThen.Unit));
        Assert.Equal(("Renamed indicator", "renamed units"), (indicatorNow.Name, indicatorNow.Unit));
        // Renaming changes no figure, and every row citing them is still there at K.
        Assert.Equal(latest.Select(a => (a.Key, a.Latest?.EuropeShare)), then.Select(a => (a.Key, a.Latest?.EuropeShare)));
        Assert.Equal(indicator.Latest, indicatorThen.Latest);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_api_and_the_exports_take_knownAt_and_refuse_a_moment_not_yet_come(DatabaseProvider provider)
    {
        var story = await WriteStoryAsync(provider);
        await using var scene = story.Scene;
        await using var app = AppFactory.For(scene.Database, "none", new Clock(story.K.AddHours(2)));
        using var client = app.CreateClient();
        var known = Uri.EscapeDataString(KnownAtQuery.Format(story.K));

        using var then = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/drones?asOf=2027-01-01&knownAt={known}"));
        using var now = JsonDocument.Parse(await client.GetStringAsync("/api/areas/drones?asOf=2027-01-01"));
        Assert.Equal(41.5m, then.RootElement.GetProperty("latest").GetProperty("europeShare").GetDecimal());
        Assert.Equal(50m, now.RootElement.GetProperty("latest").GetProperty("europeShare").GetDecimal());
        // The links keep the knowledge time: the next page and the files are of the same record.
        Assert.Contains($"knownAt={known}", then.RootElement.GetProperty("links").GetProperty("csv").GetString(), StringComparison.Ordinal);
        var csv = await client.GetStringAsync(then.RootElement.GetProperty("links").GetProperty("csv").GetString());
        Assert.Contains("41.5", csv, StringComparison.Ordinal);
        Assert.Contains("2026-03-31", csv, StringComparison.Ordinal); // deleted after K
        Assert.DoesNotContain("2026-09-30", csv, StringComparison.Ordinal); // published after K
        var index = JsonDocument.Parse(await client.GetStringAsync($"/api/areas?asOf=2027-01-01&knownAt={known}")).RootElement;
        Assert.Equal(60m, index.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "drones")
            .GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "2027").GetProperty("value").GetDecimal());

        // Before the first figure: the area and its targets, no figure. A day or moment after now is a 400 problem.
        using var before = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/areas/drones?asOf=2027-01-01&knownAt={Uri.EscapeDataString(KnownAtQuery.Format(story.BeforeAll))}"));
        Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("latest").ValueKind);
        foreach (var future in new[] { story.K.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), KnownAtQuery.Format(story.K.AddHours(3)) })
        {
            using var refused = await client.GetAsync($"/api/index?knownAt={Uri.EscapeDataString(future)}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("in the future", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_api_answer_says_which_record_it_reflects_and_asking_again_with_it_gives_the_same_figures(DatabaseProvider provider)
    {
        var story = await WriteStoryAsync(provider);
        await using var scene = story.Scene;
        await using var app = AppFactory.For(scene.Database, "none", new Clock(story.K.AddHours(2)));
        using var client = app.CreateClient();
        var known = KnownAtQuery.Format(story.K);

        // At a knowledge time: the moment asked for, on the answer and on each entry of a list.
        using var then = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/drones?asOf=2027-01-01&knownAt={Uri.EscapeDataString(known)}"));
        Assert.Equal((known, "2027-01-01"), (then.RootElement.GetProperty("knownAt").GetString(), then.RootElement.GetProperty("asOf").GetString()));
        foreach (var url in new[] { "/api/areas", "/api/indicators", "/api/index" })
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync($"{url}?asOf=2027-01-01&knownAt={Uri.EscapeDataString(known)}"));
            Assert.All(list.RootElement.EnumerateArray(), e => Assert.Equal(known, e.GetProperty("knownAt").GetString()));
        }

        using var page = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/drones/assessments?asOf=2027-01-01&knownAt={Uri.EscapeDataString(known)}"));
        Assert.Equal(known, page.RootElement.GetProperty("knownAt").GetString());
        using var scenario = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/drones/scenario?asOf=2027-01-01&pace=2&knownAt={Uri.EscapeDataString(known)}"));
        Assert.Equal(known, scenario.RootElement.GetProperty("knownAt").GetString());

        // The latest record: the moment of its latest published change, which asked for again gives the same figures.
        using var latest = JsonDocument.Parse(await client.GetStringAsync("/api/areas/drones?asOf=2027-01-01"));
        var moment = latest.RootElement.GetProperty("knownAt").GetString()!;
        // (PostgreSQL keeps microseconds: the moment is the stored one.)
        Assert.InRange((KnownAtQuery.Read(moment, story.K.AddHours(2)).Moment!.Value - story.K.AddHours(1)).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        using var again = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/drones?asOf=2027-01-01&knownAt={Uri.EscapeDataString(moment)}"));
        Assert.Equal(latest.RootElement.GetProperty("latest").GetRawText(), again.RootElement.GetProperty("latest").GetRawText());
        Assert.Equal(latest.RootElement.GetProperty("assessments").GetRawText(), again.RootElement.GetProperty("assessments").GetRawText());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_pack_regenerated_with_knownAt_has_the_figures_of_the_pack_made_then(DatabaseProvider provider)
    {
        BriefingPack? madeThen = null;
        BriefingPacks Packs(EditScene scene) =>
            new(new DashboardCache(scene.Dashboard, () => DateTime.UtcNow.Ticks, scene.Database.ConnectionString), Options.Create(new ExportOptions()));
        async Task<BriefingPack> Build(BriefingPacks packs) =>
            await packs.BuildAsync(await packs.OverviewAsync(EditScene.AsOf), ["drones", "isr"], ["2027", "2030"]);

        var story = await WriteStoryAsync(provider, async scene => madeThen = await Build(Packs(scene)));
        await using var scene = story.Scene;

        var regenerated = await Build(Packs(scene).At(story.K));
        var latest = await Build(Packs(scene));

        Assert.Equal(madeThen!.Slides.Count, regenerated.Slides.Count);
        foreach (var (a, b) in madeThen.Slides.Zip(regenerated.Slides))
        {
            Assert.Equal((a.Title, a.Subtitle, a.Notes), (b.Title, b.Subtitle, b.Notes));
            Assert.Equal(a.Figures, b.Figures);
            Assert.Equal(a.Milestones, b.Milestones);
            Assert.Equal(a.ChartPng, b.ChartPng);
        }

        Assert.NotEqual(madeThen.Slides[1].Figures, latest.Slides[1].Figures);
        Assert.Null(madeThen.KnownAt);
        Assert.Contains($"Figures as published on {KnownAtQuery.Describe(story.K)}", regenerated.Footer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task What_changed_between_two_knowledge_times_lists_each_revision_with_its_reason_and_its_effect(DatabaseProvider provider)
    {
        var story = await WriteStoryAsync(provider);
        await using var scene = story.Scene;

        var revised = KnowledgeRevisions.Compare(
            await scene.Dashboard.KnownAt(story.K).GetAreasAsync(EditScene.AsOf), await scene.Dashboard.GetAreasAsync(EditScene.AsOf));
        var drones = Assert.Single(revised);
        Assert.Equal(("drones", 41.5m, 50m), (drones.AreaKey, drones.EuropeBefore, drones.EuropeAfter));
        Assert.Contains(drones.Targets, t => t.TargetKey == "2027");
        var (entries, more) = await scene.History.GetPublishedBetweenAsync(story.K, story.K.AddHours(2));
        Assert.Equal(0, more);
        Assert.Equal(["the source corrected its table", "entered twice", null, "raised at the summit", "cancelled", null], entries.Select(e => e.Reason));
        Assert.Empty((await scene.History.GetPublishedBetweenAsync(story.K, story.K.AddMinutes(30))).Entries);

        await using var app = AppFactory.For(scene.Database, "none", new Clock(story.K.AddHours(2)));
        using var client = app.CreateClient();
        var page = await client.GetStringAsync($"/changes?asOf=2027-01-01&knownFrom={Uri.EscapeDataString(KnownAtQuery.Format(story.K))}");
        Assert.Contains("data-testid=\"revised-areas\"", page, StringComparison.Ordinal);
        Assert.Contains("the source corrected its table", page, StringComparison.Ordinal);
        Assert.Contains("raised at the summit", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_pack_made_is_in_the_brief_log_and_made_again_from_it_with_the_same_figures(DatabaseProvider provider)
    {
        const string Url = "/api/export/pack.pptx?asOf=2027-01-01&areas=drones,isr";
        string? madeThen = null;
        var story = await WriteStoryAsync(provider, async scene =>
        {
            await using var then = AppFactory.For(scene.Database, "none", new Clock(DateTimeOffset.UtcNow.AddDays(1).AddHours(1)));
            madeThen = DeckText(await then.CreateClient().GetByteArrayAsync(Url));
        });
        await using var scene = story.Scene;

        BriefRecord logged;
        await using (var db = scene.Database.CreateContext())
        {
            logged = Assert.Single(await db.BriefLog.AsNoTracking().ToListAsync());
        }

        Assert.Equal(("pptx", null, new DateOnly(2027, 1, 1), "drones,isr", "2027,2030"), (logged.Format, logged.GeneratedBy, logged.AsOf, logged.Areas, logged.Targets));
        Assert.True(logged.KnownAt > story.BeforeAll && logged.KnownAt < story.K.AddHours(1), $"known at {logged.KnownAt:O}");

        await using var later = AppFactory.For(scene.Database, "none", new Clock(story.K.AddHours(2)));
        using var client = later.CreateClient();
        var again = DeckText(await client.GetByteArrayAsync(
            $"/api/export/pack.pptx?asOf={logged.AsOf:yyyy-MM-dd}&knownAt={Uri.EscapeDataString(KnownAtQuery.Format(logged.KnownAt))}&targets={logged.Targets}&areas={logged.Areas}"));
        var latest = DeckText(await client.GetByteArrayAsync(Url));

        Assert.Equal(madeThen, again);
        Assert.NotEqual(madeThen, latest);
        Assert.Contains("Figures as published on", again, StringComparison.Ordinal);
    }

    // Every paragraph of every slide and its notes: the figures, captions, sources and footer of the deck.
    private static string DeckText(byte[] pptx)
    {
        using var document = PresentationDocument.Open(new MemoryStream(pptx), false);
        var presentation = document.PresentationPart!;
        return string.Join("\n---\n", presentation.Presentation.SlideIdList!.Elements<DocumentFormat.OpenXml.Presentation.SlideId>()
            .Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!))
            .Select(slide => string.Join("\n", slide.Slide.Descendants<A.Paragraph>().Select(p => p.InnerText))
                + "\n" + (slide.NotesSlidePart is { } notes ? string.Join("\n", notes.NotesSlide.Descendants<A.Paragraph>().Select(p => p.InnerText)) : "")));
    }
}

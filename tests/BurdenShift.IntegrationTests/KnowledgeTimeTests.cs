using System.Security.Claims;
using BurdenShift.Core.Accounts;
using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Data;
using BurdenShift.Core.Editing;
using BurdenShift.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

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

    private async Task<Story> WriteStoryAsync(DatabaseProvider provider)
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
        var target = (await editor.FindTargetIdAsync("drones", "2027"))!.Value;
        await Save(FigureKind.Target, target, "the roadmap's figure", ("value", "60"));
        var m1 = await Add(FigureKind.Milestone, EditScene.Milestone("First battery delivered"));

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
}

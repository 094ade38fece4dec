namespace BurdenShift.IntegrationTests;

/// <summary>
/// Four-eyes review (Editing:Review = required, ADR 0021) on both providers: a change is a draft
/// that changes nothing published until another editor publishes it; the author cannot; a
/// rejection, a conflict and bad input write nothing; an import is published whole or not at all.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewTests(PostgresServer postgres)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Carol = EditScene.User("carol@example.org", Roles.Editor);

    private static async Task<(EditScene Scene, long DraftId)> ProposeAsync(PostgresServer postgres, DatabaseProvider provider)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        var result = await scene.ReviewEditor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("41.5", "52"), "new census"), EditScene.Alice);
        Assert.True(result.Succeeded, EditScene.Errors(result));
        Assert.NotNull(result.DraftId);
        Assert.Null(result.Id);
        return (scene, result.DraftId!.Value);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_save_is_a_draft_until_another_editor_publishes_it(DatabaseProvider provider)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        await using var _ = scene;
        var before = await scene.FingerprintAsync();

        var saved = await scene.ReviewEditor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("41.5", "52"), "new census"), EditScene.Alice);

        Assert.True(saved.Succeeded, EditScene.Errors(saved));
        var draftId = saved.DraftId!.Value;
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Null((await scene.AreaPageAsync("drones")).Latest);
        var pending = Assert.Single(await scene.Queue.GetPendingAsync());
        Assert.Equal(("alice@example.org", "new census", Draft.Pending), (pending.Author, pending.Reason, pending.Status));
        var row = Assert.Single(pending.Rows);
        Assert.Contains(row.Changes, c => c.Field == "Europe share" && c.Before is null && c.After == "41.5");
        Assert.Equal(1, await scene.Queue.CountPendingAsync());

        // The effect is computed with the draft applied, and nothing stays.
        var preview = await scene.Queue.PreviewAsync(draftId, EditScene.AsOf);
        Assert.Null(preview.Problem);
        Assert.Contains("Drones & counter-drone Europe share: none -> 41.5", preview.Effects);
        Assert.Contains(preview.Effects, e => e.StartsWith("Drones & counter-drone 2027: no-data -> ", StringComparison.Ordinal));
        Assert.Equal(before, await scene.FingerprintAsync());

        var own = await scene.Queue.PublishAsync(draftId, EditScene.Alice);
        Assert.False(own.Succeeded);
        Assert.Contains("another editor or admin must publish it", EditScene.Errors(own));
        Assert.Equal(before, await scene.FingerprintAsync());

        var published = await scene.Queue.PublishAsync(draftId, EditScene.Bob);

        Assert.True(published.Succeeded, EditScene.Errors(published));
        Assert.Equal(41.5m, (await scene.AreaPageAsync("drones")).Latest?.EuropeShare);
        var audit = Assert.Single(await scene.AuditsAfterAsync(0));
        Assert.Equal("alice@example.org", audit.By);
        Assert.Equal($"new census (draft #{draftId}, published by bob@example.org)", audit.Reason);
        var decided = Assert.Single(await scene.Queue.GetDecidedAsync());
        Assert.Equal((Draft.Published, "bob@example.org"), (decided.Status, decided.DecidedBy));
        Assert.Empty(await scene.Queue.GetPendingAsync());

        var after = await scene.FingerprintAsync();
        var twice = await scene.Queue.PublishAsync(draftId, Carol);
        Assert.False(twice.Succeeded);
        Assert.Contains($"Draft #{draftId} was already published by bob@example.org", EditScene.Errors(twice));
        Assert.Equal(after, await scene.FingerprintAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_drafts_effect_is_computed_once_per_published_version_and_again_when_the_record_changes(DatabaseProvider provider)
    {
        var (scene, draftId) = await ProposeAsync(postgres, provider);
        await using var _ = scene;
        var counter = new Infrastructure.CommandCounter();
        using var queue = new Core.Review.ReviewQueue(scene.Database.Factory(counter), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Review.ReviewQueue>.Instance);

        var first = await queue.PreviewAsync(draftId, EditScene.AsOf);
        var computed = counter.Count;
        counter.Reset();
        var second = await queue.PreviewAsync(draftId, EditScene.AsOf);

        // The second visit reads the data version and nothing else: no rehearsal, no dashboard.
        Assert.True(computed > 5, $"the first preview sent {computed} commands");
        Assert.Equal(1, counter.Count);
        Assert.Equal(first.Effects, second.Effects);

        // Another change published meanwhile moves the version: the effect is computed against the record as it is now.
        var earlier = EditScene.Assessment("39", "55");
        earlier["asOf"] = "2026-03-31";
        var published = await scene.Editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", earlier, "earlier census"), EditScene.Bob);
        Assert.True(published.Succeeded, EditScene.Errors(published));
        counter.Reset();
        var third = await queue.PreviewAsync(draftId, EditScene.AsOf);
        Assert.True(counter.Count > 5);
        Assert.Contains("Drones & counter-drone Europe share: 39.0 -> 41.5", third.Effects);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_rejection_needs_a_reason_and_writes_nothing_to_the_published_record(DatabaseProvider provider)
    {
        var (scene, draftId) = await ProposeAsync(postgres, provider);
        await using var _ = scene;
        var before = await scene.FingerprintAsync();

        var noReason = await scene.Queue.RejectAsync(draftId, "  ", EditScene.Bob);
        Assert.False(noReason.Succeeded);
        Assert.True(noReason.Errors.ContainsKey(FormFields.Reason));
        Assert.Single(await scene.Queue.GetPendingAsync());

        var own = await scene.Queue.RejectAsync(draftId, "changed my mind", EditScene.Alice);
        Assert.False(own.Succeeded);

        var viewer = await scene.Queue.RejectAsync(draftId, "looks wrong", EditScene.User("val@example.org", Roles.Viewer));
        Assert.False(viewer.Succeeded);
        Assert.Single(await scene.Queue.GetPendingAsync());

        var rejected = await scene.Queue.RejectAsync(draftId, "the census counts prototypes", EditScene.Bob);

        Assert.True(rejected.Succeeded, EditScene.Errors(rejected));
        Assert.Equal(before, await scene.FingerprintAsync());
        var decided = Assert.Single(await scene.Queue.GetDecidedAsync());
        Assert.Equal((Draft.Rejected, "bob@example.org", "the census counts prototypes"), (decided.Status, decided.DecidedBy, decided.DecisionReason));
        var publish = await scene.Queue.PublishAsync(draftId, Carol);
        Assert.Contains("already rejected", EditScene.Errors(publish));
        Assert.Equal(before, await scene.FingerprintAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_unknown_draft_is_refused_with_a_clear_message(DatabaseProvider provider)
    {
        var (scene, _) = await ProposeAsync(postgres, provider);
        await using var __ = scene;
        var before = await scene.FingerprintAsync();

        Assert.Contains("There is no draft #999.", EditScene.Errors(await scene.Queue.PublishAsync(999, EditScene.Bob)));
        Assert.Contains("There is no draft #999.", EditScene.Errors(await scene.Queue.RejectAsync(999, "why not", EditScene.Bob)));
        Assert.Contains("There is no draft #999.", (await scene.Queue.PreviewAsync(999, EditScene.AsOf)).Problem);
        Assert.Equal(before, await scene.FingerprintAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_draft_against_a_row_changed_since_is_refused_with_both_versions(DatabaseProvider provider)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        await using var _ = scene;
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment("30", "60"), Carol);
        var form = await scene.LoadAsync(FigureKind.Assessment, id);
        var draft = await scene.ReviewEditor.SaveAsync(EditScene.Edit(form, "typo", ("europeShare", "31")), EditScene.Alice);
        Assert.True(draft.Succeeded, EditScene.Errors(draft));
        Assert.Equal(id, draft.Id);
        var edit = await scene.Editor.SaveAsync(EditScene.Edit(form, "recount", ("europeShare", "33")), Carol);
        Assert.True(edit.Succeeded, EditScene.Errors(edit));
        var before = await scene.FingerprintAsync();

        var preview = await scene.Queue.PreviewAsync(draft.DraftId!.Value, EditScene.AsOf);
        var published = await scene.Queue.PublishAsync(draft.DraftId!.Value, EditScene.Bob);

        Assert.NotNull(preview.Problem);
        Assert.False(published.Succeeded);
        Assert.Equal("33", published.Conflict?.Stored.Values["europeShare"]);
        Assert.Equal("carol@example.org", published.Conflict?.ChangedBy);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Equal(33m, (await scene.AreaPageAsync("drones")).Latest?.EuropeShare);
        Assert.Single(await scene.Queue.GetPendingAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_revert_drafted_before_a_later_change_is_refused_as_a_conflict(DatabaseProvider provider)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        await using var _ = scene;
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment("30", "60"), Carol);
        Assert.True((await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(FigureKind.Assessment, id), "typo", ("europeShare", "31")), Carol)).Succeeded);
        var update = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Single(a => a.Action == "update");
        var revert = await scene.ReviewEditor.RevertAsync(update.Id, "30 was right", EditScene.Alice);
        Assert.True(revert.Succeeded, EditScene.Errors(revert));
        Assert.True((await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(FigureKind.Assessment, id), "recount", ("europeShare", "35")), Carol)).Succeeded);
        var before = await scene.FingerprintAsync();

        var published = await scene.Queue.PublishAsync(revert.DraftId!.Value, EditScene.Bob);

        Assert.False(published.Succeeded);
        Assert.Contains("changed since the draft was proposed", EditScene.Errors(published));
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Equal(35m, (await scene.AreaPageAsync("drones")).Latest?.EuropeShare);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Deletions_and_reverts_are_drafts_too(DatabaseProvider provider)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        await using var _ = scene;
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment("30", "60"), Carol);
        var form = await scene.LoadAsync(FigureKind.Assessment, id);
        var before = await scene.FingerprintAsync();

        var delete = await scene.ReviewEditor.DeleteAsync(FigureKind.Assessment, id, form.Token, "duplicate", EditScene.Alice);

        Assert.True(delete.Succeeded, EditScene.Errors(delete));
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Equal(30m, (await scene.AreaPageAsync("drones")).Latest?.EuropeShare);
        Assert.True((await scene.Queue.PublishAsync(delete.DraftId!.Value, EditScene.Bob)).Succeeded);
        Assert.Null((await scene.AreaPageAsync("drones")).Latest);

        var deletion = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Single(a => a.Action == "delete");
        var revert = await scene.ReviewEditor.RevertAsync(deletion.Id, "not a duplicate", EditScene.Alice);
        Assert.True(revert.Succeeded, EditScene.Errors(revert));
        Assert.Null((await scene.AreaPageAsync("drones")).Latest);
        Assert.True((await scene.Queue.PublishAsync(revert.DraftId!.Value, Carol)).Succeeded);
        Assert.Equal(30m, (await scene.AreaPageAsync("drones")).Latest?.EuropeShare);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_draft_import_is_published_whole_or_not_at_all(DatabaseProvider provider)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        await using var _ = scene;
        var before = await scene.FingerprintAsync();

        var whole = await scene.ReviewImporter.ImportAsync(EditScene.Csv(EditScene.ImportFile), "alice@example.org", dryRun: false);
        var partial = await scene.Importer.ImportAsync(EditScene.Csv(EditScene.ImportFile), ImportFormatCsv, "alice@example.org", dryRun: false, draft: true);

        Assert.True(whole.Succeeded && partial.Succeeded, string.Join("\n", whole.Problems.Concat(partial.Problems)));
        Assert.False(whole.Written);
        Assert.NotNull(whole.DraftId);
        Assert.NotNull(partial.DraftId);
        Assert.Equal(before, await scene.FingerprintAsync());
        var listed = (await scene.Queue.GetPendingAsync()).First(d => d.Id == whole.DraftId);
        Assert.Equal(4, listed.RowCount); // three figures and the new source they cite

        // The cyber area is deleted meanwhile: the second draft's cyber row no longer passes.
        await using (var db = scene.Database.CreateContext())
        {
            var areaId = await db.Areas.Where(a => a.Key == "cyber").Select(a => a.Id).SingleAsync();
            var form = await scene.LoadAsync(FigureKind.Area, areaId);
            Assert.True((await scene.Editor.DeleteAsync(FigureKind.Area, areaId, form.Token, "merged into another area", Carol)).Succeeded);
        }

        var published = await scene.Queue.PublishAsync(whole.DraftId!.Value, EditScene.Bob);
        Assert.False(published.Succeeded);
        Assert.Contains("no longer passes its checks", EditScene.Errors(published));

        // Rows for drones only: published as a whole.
        var drones = await scene.ReviewImporter.ImportAsync(EditScene.Csv(string.Join('\n', EditScene.ImportFile.Split('\n').Take(3))), "alice@example.org", dryRun: false);
        Assert.True(drones.Succeeded, string.Join("\n", drones.Problems));
        var middle = await scene.FingerprintAsync();
        Assert.Null((await scene.AreaPageAsync("drones")).Latest);
        var ok = await scene.Queue.PublishAsync(drones.DraftId!.Value, EditScene.Bob);
        Assert.True(ok.Succeeded, EditScene.Errors(ok));
        Assert.NotEqual(middle, await scene.FingerprintAsync());
        Assert.Equal(35m, (await scene.AreaPageAsync("drones")).Latest?.EuropeShare);
        await using var check = scene.Database.CreateContext();
        Assert.Equal(2, await check.ShareAssessments.CountAsync(s => s.Area!.Key == "drones"));
        Assert.Equal(1, await check.ChangeSets.CountAsync(c => c.Kind == "import" && c.By == "alice@example.org"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_preview_applies_every_pending_draft_and_names_one_that_no_longer_applies(DatabaseProvider provider)
    {
        var scene = await EditScene.CreateAsync(postgres, provider);
        await using var _ = scene;
        var id = await scene.AddAsync(FigureKind.Assessment, "cyber", EditScene.Assessment("30", "60"), Carol);
        var form = await scene.LoadAsync(FigureKind.Assessment, id);
        var stale = await scene.ReviewEditor.SaveAsync(EditScene.Edit(form, "typo", ("europeShare", "31")), EditScene.Alice);
        Assert.True((await scene.Editor.SaveAsync(EditScene.Edit(form, "recount", ("europeShare", "33")), Carol)).Succeeded);
        var drones = await scene.ReviewEditor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("41.5", "52"), null), EditScene.Alice);
        Assert.True(drones.Succeeded, EditScene.Errors(drones));
        var before = await scene.FingerprintAsync();

        var (overview, leftOut) = await scene.Queue.PreviewAllAsync(EditScene.AsOf);

        Assert.Equal(41.5m, overview.Areas.Single(a => a.Key == "drones").Latest?.EuropeShare);
        Assert.Equal(33m, overview.Areas.Single(a => a.Key == "cyber").Latest?.EuropeShare);
        var named = Assert.Single(leftOut);
        Assert.StartsWith($"#{stale.DraftId}:", named, StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Null((await scene.AreaPageAsync("drones")).Latest);
    }

    private const Core.Imports.ImportFormat ImportFormatCsv = Core.Imports.ImportFormat.Csv;
}

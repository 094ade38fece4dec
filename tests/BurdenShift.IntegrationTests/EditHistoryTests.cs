using BurdenShift.Core.Audit;
using static BurdenShift.IntegrationTests.EditScene;

namespace BurdenShift.IntegrationTests;

/// <summary>Edits: shown, audited, refused when stale or bad, on both providers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EditHistoryTests(PostgresServer postgres)
{
    // 1. An edit is shown, audited with old and new values, reason and user, and moves the token on.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_edit_shows_on_the_dashboard_and_is_audited_with_old_and_new_values(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment(), Alice);
        var form = await scene.LoadAsync(FigureKind.Assessment, id);

        var result = await scene.Editor.SaveAsync(EditScene.Edit(form, "  the briefing was revised  ", ("europeShare", "45")), Bob);

        Assert.True(result.Succeeded, Errors(result));
        var page = await scene.AreaPageAsync("drones");
        Assert.Equal(45m, page.Assessments.Single(a => a.Id == id).EuropeShare);
        Assert.Equal(45m, page.Latest!.EuropeShare);
        var audits = await scene.AuditOfAsync(FigureKind.Assessment, id);
        Assert.Equal(["insert", "update"], audits.Select(a => a.Action));
        var update = audits[1];
        Assert.Equal("bob@example.org", update.By);
        Assert.Equal("the briefing was revised", update.Reason);
        Assert.Equal("drones", update.AreaKey);
        Assert.Equal("41.5", Values(update.OldValues)["EuropeShare"]);
        Assert.Equal("45", Values(update.NewValues)["EuropeShare"]);
        Assert.Equal("52", Values(update.NewValues)["UsShare"]);
        var shown = (await scene.History.GetHistoryAsync(FigureKind.Assessment, id))[0];
        Assert.Equal("update", shown.Action);
        Assert.Contains(shown.Changes, c => c is { Field: "Europe share", Before: "41.5", After: "45" });
        var reloaded = await scene.LoadAsync(FigureKind.Assessment, id);
        Assert.False(string.IsNullOrEmpty(reloaded.Token));
        Assert.NotEqual(form.Token, reloaded.Token);
        Assert.Equal("45", reloaded.Values["europeShare"]);
    }

    // 2. Two editors on the same row: the stale save is refused with the stored version, nothing is lost.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Assessment)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Assessment)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Target)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Target)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Milestone)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Milestone)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Area)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Area)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Observation)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Observation)]
    public async Task A_stale_save_is_refused_with_the_stored_version_and_can_then_overwrite_knowingly(DatabaseProvider provider, FigureKind kind)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, kind == FigureKind.Observation ? "public-record" : "none");
        long id;
        (string Field, string A, string B, string Column) change;
        (string Field, string Value)? alsoByA = null;
        switch (kind)
        {
            case FigureKind.Assessment:
                id = await scene.AddAsync(kind, "drones", EditScene.Assessment(), Alice);
                change = ("europeShare", "45", "47", "EuropeShare");
                break;
            case FigureKind.Target:
                id = await scene.TargetIdAsync("drones", "2027");
                change = ("value", "55", "60", "Value");
                alsoByA = ("deadline", "2028-06-30");
                break;
            case FigureKind.Milestone:
                id = await scene.AddAsync(kind, "drones", EditScene.Milestone(), Alice);
                change = ("due", "2026-10-31", "2026-12-31", "Due");
                break;
            case FigureKind.Observation:
                id = await scene.AddAsync(kind, "eu-155mm-capacity", EditScene.Observation("2000000"), Alice);
                change = ("value", "2100000", "2300000", "Value");
                break;
            default:
                await using (var db = scene.Database.CreateContext())
                {
                    id = await db.Areas.Where(a => a.Key == "drones").Select(a => a.Id).SingleAsync();
                }

                change = ("name", "Drones and counter-UAS", "Uncrewed systems", "Name");
                break;
        }

        var formA = await scene.LoadAsync(kind, id);
        var formB = await scene.LoadAsync(kind, id);
        Assert.Equal(formA.Token, formB.Token);

        var changesA = alsoByA is { } extra ? new[] { (change.Field, (string?)change.A), (extra.Field, (string?)extra.Value) } : [(change.Field, change.A)];
        var saveA = await scene.Editor.SaveAsync(EditScene.Edit(formA, "A's correction", changesA), Alice);
        Assert.True(saveA.Succeeded, Errors(saveA));
        var afterA = await scene.FingerprintAsync();

        var saveB = await scene.Editor.SaveAsync(EditScene.Edit(formB, "B's correction", (change.Field, change.B)), Bob);

        Assert.False(saveB.Succeeded);
        Assert.Null(saveB.Id);
        var conflict = Assert.IsType<EditConflict>(saveB.Conflict);
        Assert.Equal(change.A, conflict.Stored.Values[change.Field]);
        if (alsoByA is { } shown)
        {
            Assert.Equal(shown.Value, conflict.Stored.Values[shown.Field]);
        }

        Assert.Equal("alice@example.org", conflict.ChangedBy);
        Assert.NotEqual(formB.Token, conflict.Stored.Token);
        Assert.Equal(afterA, await scene.FingerprintAsync());
        Assert.Equal(change.A, (await scene.LoadAsync(kind, id)).Values[change.Field]);

        // B has seen A's version and overwrites it knowingly.
        var overwrite = await scene.Editor.SaveAsync(EditScene.Edit(formB, "B's correction, after reading A's", (change.Field, change.B)) with { Token = conflict.Stored.Token }, Bob);

        Assert.True(overwrite.Succeeded, Errors(overwrite));
        Assert.Equal(change.B, (await scene.LoadAsync(kind, id)).Values[change.Field]);
        var updates = (await scene.AuditOfAsync(kind, id)).Where(a => a.Action == "update").ToList();
        Assert.Equal(["alice@example.org", "bob@example.org"], updates.Select(u => u.By));
        Assert.Equal(change.A, Values(updates[0].NewValues)[change.Column]);
        Assert.Equal(change.A, Values(updates[1].OldValues)[change.Column]);
        Assert.Equal(change.B, Values(updates[1].NewValues)[change.Column]);
        if (kind == FigureKind.Target)
        {
            // B's overwrite posted B's whole form, deadline included; A's deadline stays in the trail.
            var target = (await scene.AreaPageAsync("drones")).Targets.Single(t => t.Key == "2027");
            Assert.Equal((60m, new DateOnly(2027, 12, 31)), (target.Value, target.Deadline));
            Assert.Equal("2028-06-30", Values(updates[0].NewValues)["Deadline"]);
            Assert.Equal(("2028-06-30", "2027-12-31"), (Values(updates[1].OldValues)["Deadline"], Values(updates[1].NewValues)["Deadline"]));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_saves_of_the_same_version_at_the_same_moment_store_one_and_refuse_the_other(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment(), Alice);
        for (var round = 0; round < 5; round++)
        {
            var form = await scene.LoadAsync(FigureKind.Assessment, id);
            var a = $"{40 + round}";
            var b = $"{30 + round}";

            var results = await Task.WhenAll(
                Task.Run(() => scene.Editor.SaveAsync(EditScene.Edit(form, "A", ("europeShare", a)), Alice)),
                Task.Run(() => scene.Editor.SaveAsync(EditScene.Edit(form, "B", ("europeShare", b)), Bob)));

            var winner = Assert.Single(results, r => r.Succeeded);
            var loser = Assert.Single(results, r => !r.Succeeded);
            var winningValue = winner == results[0] ? a : b;
            var conflict = Assert.IsType<EditConflict>(loser.Conflict);
            Assert.Equal(winningValue, conflict.Stored.Values["europeShare"]);
            Assert.Equal(decimal.Parse(winningValue, CultureInfo.InvariantCulture), (await scene.AreaPageAsync("drones")).Latest!.EuropeShare);
            var last = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Last();
            Assert.Equal(winningValue, Values(last.NewValues)["EuropeShare"]);
        }

        Assert.Equal(1 + 5, (await scene.AuditOfAsync(FigureKind.Assessment, id)).Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_delete_with_a_stale_token_is_refused_and_keeps_the_newer_version(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment(), Alice);
        var seenByB = await scene.LoadAsync(FigureKind.Assessment, id);
        var edit = await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(FigureKind.Assessment, id), "revised", ("europeShare", "45")), Alice);
        Assert.True(edit.Succeeded, Errors(edit));
        var before = await scene.FingerprintAsync();

        var delete = await scene.Editor.DeleteAsync(FigureKind.Assessment, id, seenByB.Token, "duplicate", Bob);

        Assert.False(delete.Succeeded);
        var conflict = Assert.IsType<EditConflict>(delete.Conflict);
        Assert.Equal("45", conflict.Stored.Values["europeShare"]);
        Assert.Equal("alice@example.org", conflict.ChangedBy);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Contains((await scene.AreaPageAsync("drones")).Assessments, a => a.Id == id && a.EuropeShare == 45m);

        var knowingly = await scene.Editor.DeleteAsync(FigureKind.Assessment, id, conflict.Stored.Token, "duplicate, even after the revision", Bob);

        Assert.True(knowingly.Succeeded, Errors(knowingly));
        Assert.DoesNotContain((await scene.AreaPageAsync("drones")).Assessments, a => a.Id == id);
        Assert.Equal(["insert", "update", "delete"], (await scene.AuditOfAsync(FigureKind.Assessment, id)).Select(a => a.Action));
    }

    // 3. Reasons are required and bad values are refused per field, writing nothing.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Missing_reasons_and_bad_values_are_refused_per_field_and_write_nothing(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment(), Alice);
        var targetId = await scene.TargetIdAsync("drones", "2027");
        var form = await scene.LoadAsync(FigureKind.Assessment, id);
        var target = await scene.LoadAsync(FigureKind.Target, targetId);
        var insert = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Single();
        var before = await scene.FingerprintAsync();
        var storedRow = await scene.RowAsync(FigureKind.Assessment, id);

        var cases = new (string Case, string Field, Func<Task<SaveResult>> Write)[]
        {
            ("edit without a reason", "reason", () => scene.Editor.SaveAsync(EditScene.Edit(form, null, ("europeShare", "45")), Alice)),
            ("edit with a blank reason", "reason", () => scene.Editor.SaveAsync(EditScene.Edit(form, "   ", ("europeShare", "45")), Alice)),
            ("delete without a reason", "reason", () => scene.Editor.DeleteAsync(FigureKind.Assessment, id, form.Token, null, Alice)),
            ("delete with a blank reason", "reason", () => scene.Editor.DeleteAsync(FigureKind.Assessment, id, form.Token, " ", Alice)),
            ("revert without a reason", "reason", () => scene.Editor.RevertAsync(insert.Id, "", Alice)),
            ("share above 100", "europeShare", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", ("europeShare", "101"), ("usShare", null)), Alice)),
            ("shares summing above 100", "usShare", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", ("europeShare", "60"), ("usShare", "50")), Alice)),
            ("impossible date", "asOf", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", ("asOf", "2026-02-30")), Alice)),
            ("date out of range", "asOf", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", ("asOf", "1850-01-01")), Alice)),
            ("unknown source", "source", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", ("source", "no-such-source")), Alice)),
            ("new assessment above 100", "europeShare", () => scene.Editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("120", ""), null), Alice)),
            ("target value 120", "value", () => scene.Editor.SaveAsync(EditScene.Edit(target, "fix", ("value", "120")), Alice)),
            ("new target value 120", "value", () => scene.Editor.SaveAsync(new FigureSave(FigureKind.Target, null, null, "drones", new Dictionary<string, string?>(EditScene.TargetValues("2029")) { ["value"] = "120" }, null), Alice)),
            ("completed on while planned", "completedOn", () => scene.Editor.SaveAsync(new FigureSave(FigureKind.Milestone, null, null, "drones", new Dictionary<string, string?>(EditScene.Milestone()) { ["completedOn"] = "2026-08-01" }, null), Alice)),
            ("area key with spaces", "key", () => scene.Editor.SaveAsync(new FigureSave(FigureKind.Area, null, null, null, EditScene.Area("space lift"), null), Alice)),
            ("area key already used", "key", () => scene.Editor.SaveAsync(new FigureSave(FigureKind.Area, null, null, null, EditScene.Area("drones"), null), Alice)),
        };

        foreach (var (name, field, write) in cases)
        {
            var result = await write();
            Assert.False(result.Succeeded, name);
            Assert.Null(result.Id);
            Assert.True(result.Errors.ContainsKey(field), $"{name}: expected an error on '{field}', got {Errors(result)}");
            Assert.True(before == await scene.FingerprintAsync(), $"{name} wrote something");
        }

        Assert.Equal(storedRow, await scene.RowAsync(FigureKind.Assessment, id));
    }
}

using BurdenShift.Core.Audit;
using static BurdenShift.IntegrationTests.EditScene;

namespace BurdenShift.IntegrationTests;

/// <summary>Deletions and reverts: rows stay stored, a revert restores exactly, every write is audited.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DeleteAndRevertTests(PostgresServer postgres)
{
    // 4. Deleting hides the row from the dashboard but keeps it; reverting the deletion brings it back exactly.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_deleted_row_leaves_the_dashboard_stays_stored_and_a_revert_brings_it_back_exactly(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment(), Alice);
        var original = await scene.RowAsync(FigureKind.Assessment, id);
        var form = await scene.LoadAsync(FigureKind.Assessment, id);

        var delete = await scene.Editor.DeleteAsync(FigureKind.Assessment, id, form.Token, "entered twice", Bob);

        Assert.True(delete.Succeeded, Errors(delete));
        var page = await scene.AreaPageAsync("drones");
        Assert.DoesNotContain(page.Assessments, a => a.Id == id);
        Assert.Null(page.Latest);
        var stored = await scene.RowAsync(FigureKind.Assessment, id);
        Assert.NotNull(stored["DeletedAt"]);
        Assert.Equal("bob@example.org", stored["DeletedBy"]);
        Assert.Equal(41.5m, stored["EuropeShare"]);
        var deletion = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Last();
        Assert.Equal(("delete", "bob@example.org", "entered twice", "drones"), (deletion.Action, deletion.By, deletion.Reason, deletion.AreaKey));
        Assert.True((await scene.LoadAsync(FigureKind.Assessment, id)).Deleted);

        var revert = await scene.Editor.RevertAsync(deletion.Id, "it was not a duplicate", Alice);

        Assert.True(revert.Succeeded, Errors(revert));
        Assert.Equal(original, await scene.RowAsync(FigureKind.Assessment, id));
        Assert.Equal(41.5m, (await scene.AreaPageAsync("drones")).Latest!.EuropeShare);
        var restore = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Last();
        Assert.NotEqual(deletion.Id, restore.Id);
        Assert.Equal("alice@example.org", restore.By);
        Assert.Contains("it was not a duplicate", restore.Reason, StringComparison.Ordinal);
        Assert.Null(Values(restore.NewValues)["DeletedAt"]);
        Assert.NotNull(Values(restore.OldValues)["DeletedAt"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_deleted_areas_key_can_be_used_again_for_a_new_area(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var oldId = await scene.AddAsync(FigureKind.Area, null, EditScene.Area("space-lift", "Space lift"), Alice);
        var form = await scene.LoadAsync(FigureKind.Area, oldId);
        var delete = await scene.Editor.DeleteAsync(FigureKind.Area, oldId, form.Token, "merged into enablers", Alice);
        Assert.True(delete.Succeeded, Errors(delete));
        Assert.Null(await scene.Dashboard.GetAreaAsync("space-lift", EditScene.AsOf));
        Assert.DoesNotContain(await scene.Dashboard.GetAreasAsync(EditScene.AsOf), a => a.Key == "space-lift");

        var newId = await scene.AddAsync(FigureKind.Area, null, EditScene.Area("space-lift", "Space launch"), Bob);

        Assert.NotEqual(oldId, newId);
        var page = await scene.AreaPageAsync("space-lift");
        Assert.Equal("Space launch", page.Name);
        Assert.Equal(["2027", "2030"], page.Targets.Select(t => t.Key).Order());

        // Restoring the old area now would give two live areas one key: refused, nothing written.
        var before = await scene.FingerprintAsync();
        var deletion = (await scene.AuditOfAsync(FigureKind.Area, oldId)).Last();
        var revert = await scene.Editor.RevertAsync(deletion.Id, "undo the merge", Alice);
        Assert.False(revert.Succeeded);
        Assert.Equal(before, await scene.FingerprintAsync());
    }

    // 5. Reverting an update restores every column; reverting an insert deletes; nothing is reverted twice.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reverting_an_edit_restores_every_column_exactly_and_only_once(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment("41.25", "52.5", "from a briefing"), Alice);
        var original = await scene.RowAsync(FigureKind.Assessment, id);
        var form = await scene.LoadAsync(FigureKind.Assessment, id);
        var edit = await scene.Editor.SaveAsync(EditScene.Edit(form, "new survey",
            ("europeShare", "30"), ("usShare", ""), ("asOf", "2026-03-31"), ("confidence", "low"),
            ("source", "kallas-roadmap-2025-10-16"), ("note", "")), Bob);
        Assert.True(edit.Succeeded, Errors(edit));
        var edited = await scene.RowAsync(FigureKind.Assessment, id);
        Assert.Equal(
            (30m, (decimal?)null, new DateOnly(2026, 3, 31), Confidence.Low, (string?)null, "bob@example.org"),
            ((decimal?)edited["EuropeShare"], (decimal?)edited["UsShare"], (DateOnly)edited["AsOf"]!, (Confidence)edited["Confidence"]!, (string?)edited["Note"], (string?)edited["EnteredBy"]));
        Assert.NotEqual(original["SourceId"], edited["SourceId"]);
        var update = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Single(a => a.Action == "update");

        var revert = await scene.Editor.RevertAsync(update.Id, "the survey was withdrawn", Alice);

        Assert.True(revert.Succeeded, Errors(revert));
        Assert.Equal(original, await scene.RowAsync(FigureKind.Assessment, id));
        var shown = (await scene.AreaPageAsync("drones")).Assessments.Single(a => a.Id == id);
        Assert.Equal((41.25m, 52.5m, new DateOnly(2026, 6, 30), Confidence.Medium, "reuters-2027", "from a briefing"),
            (shown.EuropeShare, shown.UsShare, shown.AsOf, shown.Confidence, shown.Source.Key, shown.Note));
        var audits = await scene.AuditOfAsync(FigureKind.Assessment, id);
        Assert.Equal(["insert", "update", "update"], audits.Select(a => a.Action));
        Assert.Equal("alice@example.org", audits[2].By);
        Assert.Contains($"#{update.Id}", audits[2].Reason, StringComparison.Ordinal);

        // Reverting the same change again is refused and writes nothing.
        var before = await scene.FingerprintAsync();
        var again = await scene.Editor.RevertAsync(update.Id, "once more", Alice);
        Assert.False(again.Succeeded);
        Assert.Equal(before, await scene.FingerprintAsync());

        // Reverting an insert deletes the row; doing it twice is refused.
        var second = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment("44", "50"), Bob);
        var insert = (await scene.AuditOfAsync(FigureKind.Assessment, second)).Single();
        var undoInsert = await scene.Editor.RevertAsync(insert.Id, "entered by mistake", Alice);
        Assert.True(undoInsert.Succeeded, Errors(undoInsert));
        Assert.DoesNotContain((await scene.AreaPageAsync("drones")).Assessments, a => a.Id == second);
        Assert.NotNull((await scene.RowAsync(FigureKind.Assessment, second))["DeletedAt"]);
        Assert.Equal("delete", (await scene.AuditOfAsync(FigureKind.Assessment, second)).Last().Action);
        before = await scene.FingerprintAsync();
        var undoAgain = await scene.Editor.RevertAsync(insert.Id, "once more", Alice);
        Assert.False(undoAgain.Succeeded);
        Assert.Equal(before, await scene.FingerprintAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_revert_that_would_break_a_rule_is_refused_and_writes_nothing(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment("60", "40"), Alice);
        var lower = await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(FigureKind.Assessment, id), "lower estimate", ("europeShare", "50")), Alice);
        Assert.True(lower.Succeeded, Errors(lower));
        var update = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Last();
        var us = await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(FigureKind.Assessment, id), "new US figure", ("usShare", "50")), Bob);
        Assert.True(us.Succeeded, Errors(us));
        var before = await scene.FingerprintAsync();

        // Putting Europe's 60 back next to the US 50 would make 110%.
        var revert = await scene.Editor.RevertAsync(update.Id, "the lower estimate was wrong", Alice);

        Assert.False(revert.Succeeded);
        Assert.Equal(before, await scene.FingerprintAsync());
        var shown = (await scene.AreaPageAsync("drones")).Latest!;
        Assert.Equal((50m, 50m), (shown.EuropeShare, shown.UsShare));
    }

    // The edit forms take reasons of up to 1000 characters; a revert or an undo adds a reference to
    // the change it undoes. The result must fit the audit trail on both providers, or be refused.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_revert_or_undo_reason_too_long_for_the_audit_trail_is_refused_per_field(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", EditScene.Assessment(), Alice);
        var insert = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Single();
        var import = await scene.Importer.ImportAsync(Csv(ImportFile), "alice@example.org", dryRun: false);
        Assert.True(import.Succeeded, string.Join("\n", import.Problems));
        var before = await scene.FingerprintAsync();
        var tooLong = new string('x', 1000);

        var revert = await scene.Editor.RevertAsync(insert.Id, tooLong, Bob);
        var undo = await scene.Imports.UndoImportAsync(import.ChangeSetId!.Value, tooLong, Bob);

        Assert.True(revert.Errors.ContainsKey("reason"), Errors(revert));
        Assert.True(undo.Errors.ContainsKey("reason"), Errors(undo));
        Assert.Equal(before, await scene.FingerprintAsync());

        var fits = new string('y', 900);
        var revertFits = await scene.Editor.RevertAsync(insert.Id, fits, Bob);
        var undoFits = await scene.Imports.UndoImportAsync(import.ChangeSetId!.Value, fits, Bob);
        Assert.True(revertFits.Succeeded, Errors(revertFits));
        Assert.True(undoFits.Succeeded, Errors(undoFits));
        Assert.All(await scene.AuditsAfterAsync(0), a => Assert.True(a.Reason is null or "Import" || a.Reason.StartsWith(fits, StringComparison.Ordinal), a.Reason));
        Assert.Empty((await scene.AreaPageAsync("drones")).Assessments);
    }

    // Seeded rows carry what the forms never write (month or year precision, long notes): a revert puts all of it back.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Area)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Area)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Assessment)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Assessment)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Observation)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Observation)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Target)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Target)]
    [InlineData(DatabaseProvider.Sqlite, FigureKind.Milestone)]
    [InlineData(DatabaseProvider.Postgres, FigureKind.Milestone)]
    public async Task Reverting_an_edit_of_a_seeded_row_of_any_kind_restores_it_exactly(DatabaseProvider provider, FigureKind kind)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        long id;
        (string, string?)[] changes;
        await using (var db = scene.Database.CreateContext())
        {
            switch (kind)
            {
                case FigureKind.Area:
                    id = await db.Areas.Where(a => a.Key == "drones").Select(a => a.Id).SingleAsync();
                    changes = [("name", "Uncrewed systems"), ("description", "Changed."), ("shareBasis", "A proxy."), ("weight", "2.5")];
                    break;
                case FigureKind.Assessment:
                    id = await db.ShareAssessments.OrderBy(s => s.AsOfPrecision == DatePrecision.Day).ThenBy(s => s.Id).Select(s => s.Id).FirstAsync();
                    changes = [("asOf", "2026-04-15"), ("europeShare", "33.3"), ("usShare", "44.4"), ("confidence", "high"), ("source", "kallas-roadmap-2025-10-16"), ("note", "")];
                    break;
                case FigureKind.Observation:
                    id = await db.IndicatorObservations.OrderBy(o => o.AsOfPrecision == DatePrecision.Day).ThenBy(o => o.Id).Select(o => o.Id).FirstAsync();
                    changes = [("asOf", "2026-04-15"), ("value", "123.456"), ("confidence", "high"), ("source", "kallas-roadmap-2025-10-16"), ("note", "re-measured")];
                    break;
                case FigureKind.Target:
                    id = await scene.TargetIdAsync("drones", "2030");
                    changes = [("label", "Sooner"), ("value", "75.5"), ("deadline", "2029-01-31"), ("rationale", "Changed."), ("source", "reuters-2027")];
                    break;
                default:
                    id = await db.Milestones.OrderBy(m => m.DuePrecision == DatePrecision.Day).ThenBy(m => m.CompletedOn != null).ThenBy(m => m.Id).Select(m => m.Id).FirstAsync();
                    changes = [("title", "Renamed"), ("due", "2026-02-14"), ("status", "done"), ("completedOn", "2026-02-10"), ("note", "delivered"), ("source", "reuters-2027")];
                    break;
            }
        }

        var original = await scene.RowAsync(kind, id);
        var edit = await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(kind, id), "correction", changes), Bob);
        Assert.True(edit.Succeeded, Errors(edit));
        Assert.NotEqual(original, await scene.RowAsync(kind, id));
        var update = (await scene.AuditOfAsync(kind, id)).Single();

        var revert = await scene.Editor.RevertAsync(update.Id, "the correction was wrong", Alice);

        Assert.True(revert.Succeeded, Errors(revert));
        Assert.Equal(original, await scene.RowAsync(kind, id));
    }

    // 6. Every write to every kind of row has exactly its audit entry.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_write_of_every_kind_has_its_audit_entry(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");

        async Task<long> Audited(Func<Task<SaveResult>> write, string? areaKey, params (string Action, string EntityType)[] expected)
        {
            var last = await scene.LastAuditIdAsync();
            var result = await write();
            Assert.True(result.Succeeded, Errors(result));
            var entries = await scene.AuditsAfterAsync(last);
            Assert.Equal(expected.Order(), entries.Select(e => (e.Action, e.EntityType)).Order());
            Assert.All(entries, e => Assert.Equal("alice@example.org", e.By));
            Assert.All(entries.Where(e => e.EntityType != nameof(Source)), e => Assert.Equal(areaKey, e.AreaKey));
            var id = result.Id!.Value.ToString(CultureInfo.InvariantCulture);
            Assert.Contains(entries, e => e.EntityType == expected[0].EntityType && e.EntityId == id);
            return result.Id!.Value;
        }

        Task<SaveResult> Add(FigureKind kind, string? parent, Dictionary<string, string?> values) =>
            scene.Editor.SaveAsync(new FigureSave(kind, null, null, parent, values, null), Alice);

        async Task<SaveResult> Change(FigureKind kind, long id, params (string, string?)[] changes) =>
            await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(kind, id), "kept current", changes), Alice);

        async Task<SaveResult> Delete(FigureKind kind, long id) =>
            await scene.Editor.DeleteAsync(kind, id, (await scene.LoadAsync(kind, id)).Token, "no longer relevant", Alice);

        // A new area comes with the standard 2027 and 2030 targets, each audited under the area.
        var area = await Audited(() => Add(FigureKind.Area, null, EditScene.Area("space-lift")), "space-lift",
            ("insert", "CapabilityArea"), ("insert", "Target"), ("insert", "Target"));
        Assert.Equal(["2027", "2030"], (await scene.AreaPageAsync("space-lift")).Targets.Select(t => t.Key).Order());
        await Audited(() => Change(FigureKind.Area, area, ("name", "Space launch")), "space-lift", ("update", "CapabilityArea"));
        Assert.Equal("Space launch", (await scene.AreaPageAsync("space-lift")).Name);

        var target = await Audited(() => Add(FigureKind.Target, "space-lift", EditScene.TargetValues("2028")), "space-lift", ("insert", "Target"));
        await Audited(() => Change(FigureKind.Target, target, ("value", "45"), ("deadline", "2029-06-30")), "space-lift", ("update", "Target"));
        Assert.Equal(45m, (await scene.AreaPageAsync("space-lift")).Targets.Single(t => t.Key == "2028").Value);
        await Audited(() => Delete(FigureKind.Target, target), "space-lift", ("delete", "Target"));
        Assert.DoesNotContain((await scene.AreaPageAsync("space-lift")).Targets, t => t.Key == "2028");

        var milestone = await Audited(() => Add(FigureKind.Milestone, "space-lift", EditScene.Milestone("First launch")), "space-lift", ("insert", "Milestone"));
        await Audited(() => Change(FigureKind.Milestone, milestone, ("status", "done"), ("completedOn", "2026-09-15")), "space-lift", ("update", "Milestone"));
        Assert.Contains((await scene.AreaPageAsync("space-lift")).Milestones, m => m.Id == milestone && m.CompletedOn == new DateOnly(2026, 9, 15));
        await Audited(() => Delete(FigureKind.Milestone, milestone), "space-lift", ("delete", "Milestone"));
        Assert.DoesNotContain((await scene.AreaPageAsync("space-lift")).Milestones, m => m.Id == milestone);

        // An observation of a seeded indicator is audited under the indicator's area.
        var observation = await Audited(() => Add(FigureKind.Observation, "eu-155mm-capacity", EditScene.Observation("2100000")), "ammunition", ("insert", "IndicatorObservation"));
        Assert.Contains((await scene.AreaPageAsync("ammunition")).Indicators.Single(i => i.Key == "eu-155mm-capacity").Observations!, o => o.Id == observation && o.Value == 2100000m);
        await Audited(() => Change(FigureKind.Observation, observation, ("value", "2200000")), "ammunition", ("update", "IndicatorObservation"));
        Assert.Contains((await scene.AreaPageAsync("ammunition")).Indicators.Single(i => i.Key == "eu-155mm-capacity").Observations!, o => o.Id == observation && o.Value == 2200000m);
        await Audited(() => Delete(FigureKind.Observation, observation), "ammunition", ("delete", "IndicatorObservation"));
        Assert.DoesNotContain((await scene.AreaPageAsync("ammunition")).Indicators.Single(i => i.Key == "eu-155mm-capacity").Observations!, o => o.Id == observation);

        // A share assessment citing a new source: the source gets its own entry (no area).
        var withSource = new Dictionary<string, string?>(EditScene.Assessment("30", "60"))
        {
            [FormFields.Source] = null,
            [FormFields.SourcePublisher] = "Example Institute",
            [FormFields.SourceTitle] = "Launcher census",
            [FormFields.SourceUrl] = "https://example.org/census",
        };
        var assessment = await Audited(() => Add(FigureKind.Assessment, "space-lift", withSource), "space-lift", ("insert", "ShareAssessment"), ("insert", "Source"));
        var cited = (await scene.AreaPageAsync("space-lift")).Assessments.Single(a => a.Id == assessment).Source;
        Assert.Equal(("Example Institute", "Launcher census"), (cited.Publisher, cited.Title));
        var sourceAudit = (await scene.AuditsAfterAsync(0)).Single(a => a.EntityType == nameof(Source) && a.By == "alice@example.org");
        Assert.Null(sourceAudit.AreaKey);
        Assert.Contains("Launcher census", sourceAudit.NewValues, StringComparison.Ordinal);
        await Audited(() => Change(FigureKind.Assessment, assessment, ("europeShare", "35")), "space-lift", ("update", "ShareAssessment"));
        await Audited(() => Delete(FigureKind.Assessment, assessment), "space-lift", ("delete", "ShareAssessment"));

        // The area's history lists all of it, newest first.
        var history = await scene.History.GetAreaHistoryAsync("space-lift");
        Assert.Equal(3 + 1 + 3 + 3 + 3, history.Count);
        Assert.Equal(history.Select(h => h.Id).OrderDescending(), history.Select(h => h.Id));
    }
}

using BurdenShift.Core.Audit;
using static BurdenShift.IntegrationTests.EditScene;

namespace BurdenShift.IntegrationTests;

/// <summary>Imports are change sets that can be undone as a whole, once, and only while untouched.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImportUndoTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_import_is_one_change_set_and_undoing_it_removes_its_rows_once(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);

        var import = await scene.Importer.ImportAsync(Csv(ImportFile), "alice@example.org", dryRun: false);

        Assert.True(import.Succeeded, string.Join("\n", import.Problems));
        var setId = import.ChangeSetId!.Value;
        await using (var db = scene.Database.CreateContext())
        {
            var set = await db.ChangeSets.SingleAsync();
            Assert.Equal((setId, "import", 3, "alice@example.org"), (set.Id, set.Kind, set.RowCount, set.By));
            var audits = await db.AuditEntries.ToListAsync();
            Assert.Equal(4, audits.Count); // three figures and the new source
            Assert.All(audits, a => Assert.Equal(setId, a.ChangeSetId));
            Assert.All(audits, a => Assert.Equal("insert", a.Action));
        }

        Assert.Equal(35m, (await scene.AreaPageAsync("drones")).Latest!.EuropeShare);
        Assert.Equal(70m, (await scene.AreaPageAsync("cyber")).Latest!.UsShare);
        var listed = Assert.Single(await scene.Imports.GetImportsAsync());
        Assert.Equal((setId, 3, (DateTimeOffset?)null), (listed.Id, listed.RowCount, listed.UndoneAt));

        var undo = await scene.Imports.UndoImportAsync(setId, "wrong file", Bob);

        Assert.True(undo.Succeeded, Errors(undo));
        Assert.Empty((await scene.AreaPageAsync("drones")).Assessments);
        Assert.Null((await scene.AreaPageAsync("drones")).Latest);
        Assert.Null((await scene.AreaPageAsync("cyber")).Latest);
        await using (var db = scene.Database.CreateContext())
        {
            Assert.Equal(3, await db.ShareAssessments.IgnoreQueryFilters().CountAsync(s => s.DeletedBy == "bob@example.org"));
            var undoSet = await db.ChangeSets.SingleAsync(c => c.Kind == "undo");
            Assert.Equal((3, "bob@example.org"), (undoSet.RowCount, undoSet.By));
            var deletions = await db.AuditEntries.Where(a => a.ChangeSetId == undoSet.Id).ToListAsync();
            Assert.Equal(3, deletions.Count);
            Assert.All(deletions, d => Assert.Equal(("delete", "ShareAssessment", "bob@example.org"), (d.Action, d.EntityType, d.By)));
            Assert.All(deletions, d => Assert.Contains("wrong file", d.Reason, StringComparison.Ordinal));
            Assert.Equal(["cyber", "drones", "drones"], deletions.Select(d => d.AreaKey!).Order());
        }

        var undone = Assert.Single(await scene.Imports.GetImportsAsync());
        Assert.NotNull(undone.UndoneAt);
        Assert.Equal("bob@example.org", undone.UndoneBy);

        var before = await scene.FingerprintAsync();
        var twice = await scene.Imports.UndoImportAsync(setId, "again", Bob);
        Assert.False(twice.Succeeded);
        Assert.Equal(before, await scene.FingerprintAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_import_of_observations_is_undone_under_its_indicators_area(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        var seeded = (await scene.AreaPageAsync("ammunition")).Indicators.Single(i => i.Key == "eu-155mm-capacity").Observations!.Select(o => o.Id).ToList();
        const string file = """
            indicator,as_of,value,source,confidence,note
            eu-155mm-capacity,2026-05-31,2100000,reuters-2027,low,first
            eu-155mm-capacity,2026-06-30,2200000,reuters-2027,low,second
            """;
        var import = await scene.Importer.ImportAsync(Csv(file), "alice@example.org", dryRun: false);
        Assert.True(import.Succeeded, string.Join("\n", import.Problems));
        Assert.Equal(seeded.Count + 2, (await Observations()).Count);
        var last = await scene.LastAuditIdAsync();

        var undo = await scene.Imports.UndoImportAsync(import.ChangeSetId!.Value, "wrong unit", Bob);

        Assert.True(undo.Succeeded, Errors(undo));
        Assert.Equal(seeded, (await Observations()).Select(o => o.Id));
        var deletions = await scene.AuditsAfterAsync(last);
        Assert.Equal(2, deletions.Count);
        Assert.All(deletions, d => Assert.Equal(("delete", "IndicatorObservation", "ammunition"), (d.Action, d.EntityType, d.AreaKey)));
        Assert.Equal(2, (await scene.History.GetAreaHistoryAsync("ammunition")).Count(h => h.Action == "delete"));
        // The import itself is in the area's history too, under the indicator's area.
        Assert.Equal(2, (await scene.History.GetAreaHistoryAsync("ammunition")).Count(h => h.Action == "insert" && h.ChangeSetId == import.ChangeSetId));

        async Task<IReadOnlyList<ObservationRow>> Observations() =>
            (await scene.AreaPageAsync("ammunition")).Indicators.Single(i => i.Key == "eu-155mm-capacity").Observations!;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Undoing_an_import_whose_row_was_edited_since_is_refused_and_writes_nothing(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var import = await scene.Importer.ImportAsync(Csv(ImportFile), "alice@example.org", dryRun: false);
        Assert.True(import.Succeeded, string.Join("\n", import.Problems));
        var cyber = (await scene.AreaPageAsync("cyber")).Assessments.Single();
        var edit = await scene.Editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(FigureKind.Assessment, cyber.Id), "Europe's share found", ("europeShare", "25")), Alice);
        Assert.True(edit.Succeeded, Errors(edit));
        var before = await scene.FingerprintAsync();

        var undo = await scene.Imports.UndoImportAsync(import.ChangeSetId!.Value, "wrong file", Bob);

        Assert.False(undo.Succeeded);
        Assert.Contains(cyber.Id.ToString(CultureInfo.InvariantCulture), undo.Errors[""], StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Equal(2, (await scene.AreaPageAsync("drones")).Assessments.Count);
        Assert.Equal(25m, (await scene.AreaPageAsync("cyber")).Latest!.EuropeShare);
        Assert.Null(Assert.Single(await scene.Imports.GetImportsAsync()).UndoneAt);

        // The same when an imported row was deleted since.
        const string second = """
            area,as_of,europe_share,us_share,source,confidence,note
            missiles,2025-06-30,20,75,reuters-2027,low,one
            missiles,2025-09-30,22,74,reuters-2027,low,two
            """;
        var other = await scene.Importer.ImportAsync(Csv(second), "alice@example.org", dryRun: false);
        Assert.True(other.Succeeded, string.Join("\n", other.Problems));
        var gone = (await scene.AreaPageAsync("missiles")).Assessments[0];
        var delete = await scene.Editor.DeleteAsync(FigureKind.Assessment, gone.Id, (await scene.LoadAsync(FigureKind.Assessment, gone.Id)).Token, "duplicate", Alice);
        Assert.True(delete.Succeeded, Errors(delete));
        before = await scene.FingerprintAsync();

        var undoOther = await scene.Imports.UndoImportAsync(other.ChangeSetId!.Value, "wrong file", Bob);

        Assert.False(undoOther.Succeeded);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Single((await scene.AreaPageAsync("missiles")).Assessments);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_bad_import_writes_no_rows_no_change_set_and_no_audit_entries(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var before = await scene.FingerprintAsync();
        const string file = """
            area,as_of,europe_share,us_share,source,confidence,note
            drones,2025-06-30,30,60,New citation,medium,fine
            drones,2025-06-30,70,60,New citation,medium,sum 130
            """;

        var import = await scene.Importer.ImportAsync(Csv(file), "alice@example.org", dryRun: false);

        Assert.False(import.Succeeded);
        Assert.False(import.Written);
        Assert.Null(import.ChangeSetId);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Empty(await scene.Imports.GetImportsAsync());
        Assert.Empty((await scene.AreaPageAsync("drones")).Assessments);
    }
}

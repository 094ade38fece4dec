using BurdenShift.Core.Audit;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// Ranges through every write path (issue 14): the forms, the CSV import, the edit history and
/// revert carry the bounds; a bound outside 0..100 for a share or on the wrong side of its value
/// is refused with a clear message and nothing is written; the database refuses it too.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RangeEditingTests(PostgresServer postgres)
{
    private static readonly ClaimsPrincipal Alice = EditScene.User("alice@example.org", Roles.Editor);

    private static string Errors(SaveResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"));

    private static Dictionary<string, string?> RangedAssessment() => new(EditScene.Assessment("41.5", "52"))
    {
        [FormFields.EuropeLow] = "35",
        [FormFields.EuropeHigh] = "47.25",
        [FormFields.UsLow] = "",
        [FormFields.UsHigh] = "58",
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_form_saves_the_bounds_the_history_records_them_and_a_revert_restores_them(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", RangedAssessment(), Alice);

        var form = await scene.LoadAsync(FigureKind.Assessment, id);
        Assert.Equal(("35", "47.25", "", "58"), (form.Values[FormFields.EuropeLow], form.Values[FormFields.EuropeHigh], form.Values[FormFields.UsLow], form.Values[FormFields.UsHigh]));
        var shown = (await scene.AreaPageAsync("drones")).Assessments.Single(a => a.Id == id);
        Assert.Equal((35m, 47.25m, (decimal?)null, 58m), (shown.EuropeLow, shown.EuropeHigh, shown.UsLow, shown.UsHigh));
        var original = await scene.RowAsync(FigureKind.Assessment, id);

        var edit = await scene.Editor.SaveAsync(EditScene.Edit(form, "narrower range", (FormFields.EuropeLow, "40"), (FormFields.EuropeHigh, "")), Alice);
        Assert.True(edit.Succeeded, Errors(edit));
        var update = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Single(a => a.Action == AuditTrail.Update);
        Assert.Equal(("35", "47.25"), (AuditTrail.Read(update.OldValues)["EuropeLow"], AuditTrail.Read(update.OldValues)["EuropeHigh"]));
        Assert.Equal(("40", null), (AuditTrail.Read(update.NewValues)["EuropeLow"], AuditTrail.Read(update.NewValues)["EuropeHigh"]));
        var history = await scene.History.GetAreaHistoryAsync("drones");
        Assert.Contains("range 40 to 41.5", history.First(h => h.Action == AuditTrail.Update).Summary, StringComparison.Ordinal);

        var revert = await scene.Editor.RevertAsync(update.Id, "the source kept its range", Alice);

        Assert.True(revert.Succeeded, Errors(revert));
        Assert.Equal(original, await scene.RowAsync(FigureKind.Assessment, id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Impossible_bounds_are_refused_next_to_their_field_and_write_nothing(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        var id = await scene.AddAsync(FigureKind.Assessment, "drones", RangedAssessment(), Alice);
        var observation = await scene.AddAsync(FigureKind.Observation, "eu-155mm-capacity",
            new(EditScene.Observation("2000000")) { [FormFields.Low] = "1500000", [FormFields.High] = "2100000" }, Alice);
        var form = await scene.LoadAsync(FigureKind.Assessment, id);
        var observationForm = await scene.LoadAsync(FigureKind.Observation, observation);
        var before = await scene.FingerprintAsync();

        var cases = new (string Case, string Field, string Words, Func<Task<SaveResult>> Write)[]
        {
            ("Europe's low end above its share", FormFields.EuropeLow, "above", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", (FormFields.EuropeLow, "45")), Alice)),
            ("Europe's high end below its share", FormFields.EuropeHigh, "below", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", (FormFields.EuropeHigh, "40")), Alice)),
            ("US high end above 100", FormFields.UsHigh, "0..100", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", (FormFields.UsHigh, "100.5")), Alice)),
            ("US low end below 0", FormFields.UsLow, "0..100", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", (FormFields.UsLow, "-1")), Alice)),
            ("a range without its share", FormFields.EuropeLow, "needs its value", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", (FormFields.EuropeShare, ""), (FormFields.EuropeHigh, "")), Alice)),
            ("a bound that is not a number", FormFields.EuropeHigh, "", () => scene.Editor.SaveAsync(EditScene.Edit(form, "fix", (FormFields.EuropeHigh, "about 50")), Alice)),
            ("an observation's low end above its value", FormFields.Low, "above", () => scene.Editor.SaveAsync(EditScene.Edit(observationForm, "fix", (FormFields.Low, "2000001")), Alice)),
            ("an observation's high end below its value", FormFields.High, "below", () => scene.Editor.SaveAsync(EditScene.Edit(observationForm, "fix", (FormFields.High, "1999999")), Alice)),
        };

        foreach (var (name, field, words, write) in cases)
        {
            var result = await write();
            Assert.False(result.Succeeded, name);
            Assert.True(result.Errors.TryGetValue(field, out var message), $"{name}: expected an error on '{field}', got {Errors(result)}");
            Assert.Contains(words, message, StringComparison.Ordinal);
            Assert.True(before == await scene.FingerprintAsync(), $"{name} wrote something");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_import_carries_the_optional_range_columns_and_refuses_a_bad_bound_writing_nothing(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        var before = await scene.FingerprintAsync();

        var bad = await scene.Importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("""
            area,as_of,europe_share,us_share,source,confidence,note,europe_share_low,europe_share_high,us_share_low,us_share_high
            drones,2025-06-30,38.5,55,reuters-2027,low,,33,44,,
            drones,2025-07-31,38.5,55,reuters-2027,low,,40,,,
            drones,2025-08-31,38.5,55,reuters-2027,low,,,,,101
            drones,2025-09-30,,55,reuters-2027,low,,30,,,
            """)), "test", dryRun: false);

        Assert.False(bad.Succeeded);
        Assert.Equal([3, 4, 5], bad.Problems.Select(p => p.Line));
        Assert.Contains("europe_share_low 40 is above europe_share 38.5", bad.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("us_share_high 101 is outside 0..100", bad.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("europe_share_low is given but europe_share is empty", bad.Problems[2].Message, StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());

        var badObservation = await scene.Importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(
            "indicator,as_of,value,source,confidence,note,low,high\neu-155mm-capacity,2026-03-31,2000000,reuters-2027,low,,1500000,1900000\n")), "test", dryRun: false);
        Assert.False(badObservation.Succeeded);
        Assert.Contains("high 1900000 is below value 2000000", badObservation.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());

        var good = await scene.Importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("""
            area,as_of,europe_share,us_share,source,confidence,note,us_share_high,europe_share_low,europe_share_high
            drones,2024-06-30,30,60,reuters-2027,low,,65,25,35
            drones,2025-06-30,38.5,55,reuters-2027,low,,,33,44
            """)), "test", dryRun: false);
        Assert.True(good.Succeeded, string.Join("\n", good.Problems));
        Assert.Equal((33m, 44m), (good.Preview[1].Bounds.EuropeLow, good.Preview[1].Bounds.EuropeHigh));

        var area = await scene.AreaPageAsync("drones");
        Assert.Equal((33m, 44m, (decimal?)null, (decimal?)null), (area.Latest!.EuropeLow, area.Latest.EuropeHigh, area.Latest.UsLow, area.Latest.UsHigh));
        Assert.Equal(65m, area.Assessments.Single(a => a.AsOf == new DateOnly(2024, 6, 30)).UsHigh); // newest first: the older row
        Assert.All(area.Targets, t => Assert.NotNull(t.Range));

        // Undoing the import takes the ranged rows (and so the range) away again.
        var undo = await scene.Imports.UndoImportAsync(good.ChangeSetId!.Value, "wrong file", Alice);
        Assert.True(undo.Succeeded, Errors(undo));
        Assert.All((await scene.AreaPageAsync("drones")).Targets, t => Assert.Null(t.Range));
    }

    public static TheoryData<DatabaseProvider, decimal?, decimal?, decimal?> ImpossibleBounds => new()
    {
        // Europe share 40: a low end above it, a high end below it, a high end above 100.
        { DatabaseProvider.Sqlite, 40m, 41m, null },
        { DatabaseProvider.Postgres, 40m, 41m, null },
        { DatabaseProvider.Sqlite, 40m, null, 39m },
        { DatabaseProvider.Postgres, 40m, null, 39m },
        { DatabaseProvider.Sqlite, 40m, null, 101m },
        { DatabaseProvider.Postgres, 40m, null, 101m },
        // No Europe share at all, yet a bound.
        { DatabaseProvider.Sqlite, null, 10m, null },
        { DatabaseProvider.Postgres, null, 10m, null },
    };

    [Theory]
    [MemberData(nameof(ImpossibleBounds))]
    public async Task The_database_refuses_an_impossible_bound_whatever_writes_it(DatabaseProvider provider, decimal? europe, decimal? low, decimal? high)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider);
        await using var db = scene.Database.CreateContext();
        var area = await db.Areas.SingleAsync(a => a.Key == "drones");
        var source = await db.Sources.OrderBy(s => s.Id).FirstAsync();
        db.ShareAssessments.Add(new ShareAssessment
        {
            AreaId = area.Id,
            AsOf = new DateOnly(2025, 6, 30),
            EuropeShare = europe,
            UsShare = 50m,
            EuropeLow = low,
            EuropeHigh = high,
            SourceId = source.Id,
            Confidence = Confidence.Low,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UnixEpoch,
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        await using var check = scene.Database.CreateContext();
        Assert.Equal(0, await check.ShareAssessments.CountAsync());
    }
}

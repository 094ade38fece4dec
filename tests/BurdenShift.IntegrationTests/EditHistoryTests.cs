using System.Globalization;
using System.Security.Claims;
using System.Text;
using BurdenShift.Core.Accounts;
using BurdenShift.Core.Audit;
using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Data;
using BurdenShift.Core.Data.Seeding;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Editing;
using BurdenShift.Core.Imports;
using BurdenShift.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BurdenShift.IntegrationTests;

/// <summary>One database with the services an editor's page uses, and helpers to look at what was stored.</summary>
internal sealed class EditScene(TestDatabase database) : IAsyncDisposable
{
    /// <summary>Late enough for every figure the tests write to count on the dashboard.</summary>
    public static readonly DateOnly AsOf = new(2027, 1, 1);

    public TestDatabase Database { get; } = database;

    public FigureEditor Editor { get; } = new(database.Factory(), TimeProvider.System, NullLogger<FigureEditor>.Instance);

    public ChangeHistory History { get; } = new(database.Factory(), TimeProvider.System, NullLogger<ChangeHistory>.Instance);

    public DashboardService Dashboard { get; } = new(database.Factory());

    public CsvImporter Importer { get; } = new(database.Factory(), TimeProvider.System, NullLogger<CsvImporter>.Instance);

    public static async Task<EditScene> CreateAsync(PostgresServer postgres, DatabaseProvider provider, string dataset = "none")
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = await database.CreateMigratedContextAsync();
        await new DatabaseSeeder(TimeProvider.System, NullLogger<DatabaseSeeder>.Instance).SeedAsync(db, dataset);
        return new EditScene(database);
    }

    public static ClaimsPrincipal User(string? name, params string[] roles)
    {
        var claims = new List<Claim>();
        if (name is not null)
        {
            claims.Add(new Claim(ClaimTypes.Name, name));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static Dictionary<string, string?> Assessment(string europe = "41.5", string us = "52", string note = "from a briefing") => new()
    {
        ["asOf"] = "2026-06-30",
        ["europeShare"] = europe,
        ["usShare"] = us,
        ["confidence"] = "medium",
        [FormFields.Source] = "reuters-2027",
        ["note"] = note,
    };

    public static Dictionary<string, string?> Milestone(string title = "First battery delivered") => new()
    {
        ["title"] = title,
        ["due"] = "2026-09-30",
        ["status"] = "planned",
        ["completedOn"] = null,
        [FormFields.Source] = "reuters-2027",
        ["sourceConfidence"] = null,
        ["note"] = null,
    };

    public static Dictionary<string, string?> TargetValues(string key) => new()
    {
        ["key"] = key,
        ["label"] = "Interim goal",
        ["value"] = "40",
        ["deadline"] = "2028-12-31",
        ["rationale"] = "Half way to the 2030 goal.",
        [FormFields.Source] = "kallas-roadmap-2025-10-16",
    };

    public static Dictionary<string, string?> Observation(string value = "2000000") => new()
    {
        ["asOf"] = "2026-06-30",
        ["value"] = value,
        ["confidence"] = "low",
        [FormFields.Source] = "reuters-2027",
        ["note"] = "press estimate",
    };

    public static Dictionary<string, string?> Area(string key, string name = "Space lift") => new()
    {
        ["key"] = key,
        ["name"] = name,
        ["description"] = "Launchers for military satellites.",
        ["shareBasis"] = null,
        ["weight"] = "1",
    };

    /// <summary>The form as stored with some fields typed over, saved with the form's token.</summary>
    public static FigureSave Edit(FigureForm form, string? reason, params (string Field, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(form.Values, StringComparer.Ordinal);
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return new FigureSave(form.Kind, form.Id, form.Token, form.ParentKey, values, reason);
    }

    public async Task<long> AddAsync(FigureKind kind, string? parentKey, Dictionary<string, string?> values, ClaimsPrincipal user)
    {
        var result = await Editor.SaveAsync(new FigureSave(kind, null, null, parentKey, values, null), user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return result.Id!.Value;
    }

    public async Task<FigureForm> LoadAsync(FigureKind kind, long id) =>
        await Editor.LoadAsync(kind, id) ?? throw new InvalidOperationException($"No {kind} {id}.");

    public async Task<AreaDetail> AreaPageAsync(string key) =>
        await Dashboard.GetAreaAsync(key, AsOf) ?? throw new InvalidOperationException($"The dashboard shows no area {key}.");

    /// <summary>The audit entries of one row, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditOfAsync(FigureKind kind, long id)
    {
        await using var db = Database.CreateContext();
        var type = kind.EntityType().Name;
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<List<AuditEntry>> AuditsAfterAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > id).OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<long> LastAuditIdAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>Every stored column of a row, deleted or not (the concurrency token is a shadow column and not included).</summary>
    public async Task<Dictionary<string, object?>> RowAsync(FigureKind kind, long id)
    {
        await using var db = Database.CreateContext();
        object? entity = kind switch
        {
            FigureKind.Area => await db.Areas.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id),
            FigureKind.Assessment => await db.ShareAssessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id),
            FigureKind.Observation => await db.IndicatorObservations.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id),
            FigureKind.Target => await db.Targets.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id),
            FigureKind.Milestone => await db.Milestones.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id),
            _ => null,
        };
        return entity!.GetType().GetProperties()
            .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string))
            .ToDictionary(p => p.Name, p => p.GetValue(entity), StringComparer.Ordinal);
    }

    /// <summary>
    /// Everything a write could touch: every editable row with its version and deletion stamp, the
    /// number of sources, audit entries and change sets (with their undo stamps).
    /// </summary>
    public async Task<string> FingerprintAsync()
    {
        await using var db = Database.CreateContext();
        var text = new StringBuilder();
        void Add(string type, object id, object row, ISoftDeletable deletable) =>
            text.Append(CultureInfo.InvariantCulture, $"{type} {id} v{db.RowVersionOf(row)} {deletable.DeletedAt:O}\n");
        foreach (var x in await db.Areas.IgnoreQueryFilters().OrderBy(x => x.Id).ToListAsync())
        {
            Add("area", x.Id, x, x);
        }

        foreach (var x in await db.ShareAssessments.IgnoreQueryFilters().OrderBy(x => x.Id).ToListAsync())
        {
            Add("assessment", x.Id, x, x);
        }

        foreach (var x in await db.CountPairs.IgnoreQueryFilters().OrderBy(x => x.Id).ToListAsync())
        {
            Add("pair", x.Id, x, x);
        }

        foreach (var x in await db.IndicatorObservations.IgnoreQueryFilters().OrderBy(x => x.Id).ToListAsync())
        {
            Add("observation", x.Id, x, x);
        }

        foreach (var x in await db.Targets.IgnoreQueryFilters().OrderBy(x => x.Id).ToListAsync())
        {
            Add("target", x.Id, x, x);
        }

        foreach (var x in await db.Milestones.IgnoreQueryFilters().OrderBy(x => x.Id).ToListAsync())
        {
            Add("milestone", x.Id, x, x);
        }

        text.Append(CultureInfo.InvariantCulture, $"sources {await db.Sources.CountAsync()}\n");
        text.Append(CultureInfo.InvariantCulture, $"audit entries {await db.AuditEntries.CountAsync()}\n");
        foreach (var set in await db.ChangeSets.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"change set {set.Id} {set.Kind} {set.RowCount} undone {set.UndoneAt:O}\n");
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class EditHistoryTests(PostgresServer postgres)
{
    private static readonly ClaimsPrincipal Alice = EditScene.User("alice@example.org", Roles.Editor);
    private static readonly ClaimsPrincipal Bob = EditScene.User("bob@example.org", Roles.Admin);

    private static Dictionary<string, string?> Values(string? json) => AuditTrail.Read(json);

    private static string Errors(SaveResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"));

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
                id = (await scene.Editor.FindTargetIdAsync("drones", "2027"))!.Value;
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
        var targetId = (await scene.Editor.FindTargetIdAsync("drones", "2027"))!.Value;
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
        var undo = await scene.History.UndoImportAsync(import.ChangeSetId!.Value, tooLong, Bob);

        Assert.True(revert.Errors.ContainsKey("reason"), Errors(revert));
        Assert.True(undo.Errors.ContainsKey("reason"), Errors(undo));
        Assert.Equal(before, await scene.FingerprintAsync());

        var fits = new string('y', 900);
        var revertFits = await scene.Editor.RevertAsync(insert.Id, fits, Bob);
        var undoFits = await scene.History.UndoImportAsync(import.ChangeSetId!.Value, fits, Bob);
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
                    id = (await scene.Editor.FindTargetIdAsync("drones", "2030"))!.Value;
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

    // 7. Imports are change sets that can be undone as a whole, once, and only while untouched.
    private const string ImportFile = """
        area,as_of,europe_share,us_share,source,confidence,note,source_url
        drones,2025-06-30,30,60,"Example Institute, drone census",medium,first estimate,https://example.org/census
        drones,2025-09-30,35,58,reuters-2027,medium,revised,
        cyber,2025-03-31,,70,reuters-2027,low,US share only,
        """;

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

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
        var listed = Assert.Single(await scene.History.GetImportsAsync());
        Assert.Equal((setId, 3, (DateTimeOffset?)null), (listed.Id, listed.RowCount, listed.UndoneAt));

        var undo = await scene.History.UndoImportAsync(setId, "wrong file", Bob);

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

        var undone = Assert.Single(await scene.History.GetImportsAsync());
        Assert.NotNull(undone.UndoneAt);
        Assert.Equal("bob@example.org", undone.UndoneBy);

        var before = await scene.FingerprintAsync();
        var twice = await scene.History.UndoImportAsync(setId, "again", Bob);
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

        var undo = await scene.History.UndoImportAsync(import.ChangeSetId!.Value, "wrong unit", Bob);

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

        var undo = await scene.History.UndoImportAsync(import.ChangeSetId!.Value, "wrong file", Bob);

        Assert.False(undo.Succeeded);
        Assert.Contains(cyber.Id.ToString(CultureInfo.InvariantCulture), undo.Errors[""], StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Equal(2, (await scene.AreaPageAsync("drones")).Assessments.Count);
        Assert.Equal(25m, (await scene.AreaPageAsync("cyber")).Latest!.EuropeShare);
        Assert.Null(Assert.Single(await scene.History.GetImportsAsync()).UndoneAt);

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

        var undoOther = await scene.History.UndoImportAsync(other.ChangeSetId!.Value, "wrong file", Bob);

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
        Assert.Empty(await scene.History.GetImportsAsync());
        Assert.Empty((await scene.AreaPageAsync("drones")).Assessments);
    }
}

namespace BurdenShift.IntegrationTests;

/// <summary>One seeded database per provider and caller, shared by that caller's write paths.</summary>
public sealed class AuthorizationDatabases : IAsyncLifetime
{
    private readonly Dictionary<(DatabaseProvider, string), EditScene> _scenes = [];

    internal async Task<EditScene> GetAsync(DatabaseProvider provider, string caller, PostgresServer postgres)
    {
        if (!_scenes.TryGetValue((provider, caller), out var scene))
        {
            scene = await EditScene.CreateAsync(postgres, provider, "public-record");
            _scenes[(provider, caller)] = scene;
        }

        return scene;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scene in _scenes.Values)
        {
            await scene.DisposeAsync();
        }
    }
}

/// <summary>
/// Every write path of the editor, the import history and the review queue, for every kind of
/// caller: anonymous callers and viewers are refused with nothing written, editors and admins
/// succeed (publishing and rejecting a draft someone else proposed).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuthorizationMatrixTests(PostgresServer postgres, AuthorizationDatabases databases) : IClassFixture<AuthorizationDatabases>
{
    private static readonly ClaimsPrincipal Setup = EditScene.User("setup@example.org", Roles.Editor);

    public static readonly string[] Callers = ["anonymous", Roles.Viewer, Roles.Editor, Roles.Admin];

    public static readonly string[] Paths =
    [
        "add area", "add assessment", "add observation", "add target", "add milestone", "add pair",
        "update", "delete", "revert", "quick assessment", "undo import",
        "propose draft", "publish draft", "reject draft",
    ];

    public static TheoryData<DatabaseProvider, string, string> Matrix()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var caller in Callers)
            {
                foreach (var path in Paths)
                {
                    data.Add(provider, caller, path);
                }
            }
        }

        return data;
    }

    private static ClaimsPrincipal Principal(string caller) => caller == "anonymous"
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : EditScene.User($"{caller.ToLowerInvariant()}@example.org", caller);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_editors_and_admins_can_write(DatabaseProvider provider, string caller, string path)
    {
        var scene = await databases.GetAsync(provider, caller, postgres);
        var write = await ArrangeAsync(scene, path);
        var user = Principal(caller);
        var before = await scene.FingerprintAsync();
        var lastAudit = await scene.LastAuditIdAsync();

        var result = await write(user);

        if (caller is Roles.Editor or Roles.Admin && path is "propose draft" or "reject draft")
        {
            // A draft, or its rejection, leaves the published record as it was.
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
            Assert.Equal(before, await scene.FingerprintAsync());
            var draft = (await scene.Queue.GetAsync(result.DraftId!.Value))!;
            Assert.Equal(user.Identity!.Name, path == "propose draft" ? draft.Author : draft.DecidedBy);
        }
        else if (caller is Roles.Editor or Roles.Admin && path == "publish draft")
        {
            // Published as the author's change, naming who published it.
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
            Assert.NotEqual(before, await scene.FingerprintAsync());
            var entries = await scene.AuditsAfterAsync(lastAudit);
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal(Setup.Identity!.Name, e.By));
            Assert.All(entries, e => Assert.EndsWith($"published by {user.Identity!.Name})", e.Reason));
        }
        else if (caller is Roles.Editor or Roles.Admin)
        {
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
            Assert.NotEqual(before, await scene.FingerprintAsync());
            var entries = await scene.AuditsAfterAsync(lastAudit);
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal(user.Identity!.Name, e.By));
        }
        else
        {
            Assert.False(result.Succeeded);
            Assert.Null(result.Id);
            Assert.Null(result.Conflict);
            Assert.Equal(before, await scene.FingerprintAsync());
        }
    }

    public static TheoryData<DatabaseProvider, string> PreviewMatrix()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var caller in Callers)
            {
                data.Add(provider, caller);
            }
        }

        return data;
    }

    /// <summary>
    /// The preview of pending drafts (<c>?preview=drafts</c>, ADR 0021) is a read only editors and
    /// admins may make: anyone else gets a 403 problem and no previewed figure.
    /// </summary>
    [Theory]
    [MemberData(nameof(PreviewMatrix))]
    public async Task Only_editors_and_admins_can_preview_drafts(DatabaseProvider provider, string caller)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = new AppFactory(new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = "none",
            ["Editing:Review"] = "required",
        });
        var draft = await app.Services.GetRequiredService<FigureEditor>()
            .SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("37.9", "52"), "census"), Setup);
        Assert.NotNull(draft.DraftId);
        using var client = app.CreateClient();
        if (caller != "anonymous")
        {
            client.DefaultRequestHeaders.Add("Cookie", $"BurdenShift.Auth={await AuthCookie.ForAsync(app, caller, $"{caller.ToLowerInvariant()}@example.org")}");
        }

        var response = await client.GetAsync("/api/areas/drones?preview=drafts");
        var body = await response.Content.ReadAsStringAsync();

        if (caller is Roles.Editor or Roles.Admin)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("37.9", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("37.9", body, StringComparison.Ordinal);
        }
    }

    /// <summary>Prepares what the path needs (as a setup editor) and returns the write to try.</summary>
    private static async Task<Func<ClaimsPrincipal, Task<SaveResult>>> ArrangeAsync(EditScene scene, string path)
    {
        var editor = scene.Editor;
        switch (path)
        {
            case "add area":
                return user => editor.SaveAsync(new FigureSave(FigureKind.Area, null, null, null, EditScene.Area("space-lift"), null), user);
            case "add assessment":
                return user => editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("31", "60"), null), user);
            case "add observation":
                return user => editor.SaveAsync(new FigureSave(FigureKind.Observation, null, null, "eu-155mm-capacity", EditScene.Observation(), null), user);
            case "add target":
                return user => editor.SaveAsync(new FigureSave(FigureKind.Target, null, null, "drones", EditScene.TargetValues("2028"), null), user);
            case "add milestone":
                return user => editor.SaveAsync(new FigureSave(FigureKind.Milestone, null, null, "drones", EditScene.Milestone(), null), user);
            case "add pair":
                return user => editor.SaveAsync(new FigureSave(FigureKind.Pair, null, null, "cyber", new Dictionary<string, string?>
                {
                    [FormFields.Label] = "Tanker aircraft",
                    [FormFields.EuropeIndicator] = "tankers-europe",
                    [FormFields.UsIndicator] = "tankers-us",
                    [FormFields.Weight] = "1",
                }, null), user);
            case "update":
                {
                    var id = await scene.AddAsync(FigureKind.Assessment, "cyber", EditScene.Assessment("20", "70", "to update"), Setup);
                    var form = await scene.LoadAsync(FigureKind.Assessment, id);
                    return user => editor.SaveAsync(EditScene.Edit(form, "corrected", ("europeShare", "22")), user);
                }

            case "delete":
                {
                    var id = await scene.AddAsync(FigureKind.Assessment, "cyber", EditScene.Assessment("20", "70", "to delete"), Setup);
                    var form = await scene.LoadAsync(FigureKind.Assessment, id);
                    return user => editor.DeleteAsync(FigureKind.Assessment, id, form.Token, "duplicate", user);
                }

            case "revert":
                {
                    var id = await scene.AddAsync(FigureKind.Assessment, "cyber", EditScene.Assessment("20", "70", "to revert"), Setup);
                    var edit = await editor.SaveAsync(EditScene.Edit(await scene.LoadAsync(FigureKind.Assessment, id), "typo", ("europeShare", "21")), Setup);
                    Assert.True(edit.Succeeded);
                    var update = (await scene.AuditOfAsync(FigureKind.Assessment, id)).Single(a => a.Action == "update");
                    return user => editor.RevertAsync(update.Id, "the first figure was right", user);
                }

            case "quick assessment":
                return user => editor.AddShareAssessmentAsync(
                    new ShareAssessmentDraft("air-defence", new DateOnly(2026, 6, 30), 40m, 55m, Core.Domain.Confidence.Medium, "reuters-2027", null, null, null, "quick"), user);
            case "undo import":
                {
                    const string file = """
                    area,as_of,europe_share,us_share,source,confidence,note
                    missiles,2026-03-31,25,70,reuters-2027,low,imported
                    """;
                    var import = await scene.Importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), "setup@example.org", dryRun: false);
                    Assert.True(import.Succeeded, string.Join("\n", import.Problems));
                    var setId = import.ChangeSetId!.Value;
                    return user => scene.Imports.UndoImportAsync(setId, "wrong file", user);
                }

            case "propose draft":
                return user => scene.ReviewEditor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("33", "60"), null), user);
            case "publish draft":
            case "reject draft":
                {
                    var draft = await scene.ReviewEditor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "missiles", EditScene.Assessment("24", "70"), "survey"), Setup);
                    Assert.True(draft.Succeeded);
                    var id = draft.DraftId!.Value;
                    return path == "publish draft"
                        ? user => scene.Queue.PublishAsync(id, user)
                        : user => scene.Queue.RejectAsync(id, "not sourced well enough", user);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, null);
        }
    }

    [Fact]
    public void The_matrix_adds_every_figure_kind()
    {
        Assert.All(Enum.GetValues<FigureKind>(), k => Assert.Contains($"add {k.Slug()}", Paths));
        Assert.Equal(Callers.Length * Paths.Length * 2, Matrix().Count);
    }
}

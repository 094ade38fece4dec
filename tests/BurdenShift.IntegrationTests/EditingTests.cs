namespace BurdenShift.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class EditingTests(PostgresServer postgres)
{
    private static ClaimsPrincipal User(string? name, params string[] roles)
    {
        var claims = new List<Claim>();
        if (name is not null)
        {
            claims.Add(new Claim(ClaimTypes.Name, name));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static ShareAssessmentDraft Draft(decimal? europe = 41.5m, decimal? us = 52m, string? sourceKey = "reuters-2027") =>
        new("drones", new DateOnly(2026, 6, 30), europe, us, Confidence.Medium, sourceKey, null, null, null, "from a briefing");

    private static async Task<(TestDatabase Database, FigureEditor Editor)> ArrangeAsync(PostgresServer postgres, DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.SeedAsync("none");
        return (database, new FigureEditor(database.Factory(), TimeProvider.System, NullLogger<FigureEditor>.Instance));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_editors_figure_is_written_with_its_audit_entry(DatabaseProvider provider)
    {
        var (database, editor) = await ArrangeAsync(postgres, provider);
        await using var _ = database;

        var result = await editor.AddShareAssessmentAsync(Draft(), User("editor@example.org", Roles.Editor));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        await using var db = database.CreateContext();
        var stored = await db.ShareAssessments.SingleAsync();
        Assert.Equal(41.5m, stored.EuropeShare);
        Assert.Equal("editor@example.org", stored.EnteredBy);
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal("insert", audit.Action);
        Assert.Equal(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.Equal("editor@example.org", audit.By);
        Assert.Contains("\"EuropeShare\":41.5", audit.NewValues);
        Assert.Equal("drones", audit.AreaKey);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_viewer_or_an_anonymous_caller_cannot_write(DatabaseProvider provider)
    {
        var (database, editor) = await ArrangeAsync(postgres, provider);
        await using var _ = database;

        var viewer = await editor.AddShareAssessmentAsync(Draft(), User("viewer@example.org", Roles.Viewer));
        var anonymous = await editor.AddShareAssessmentAsync(Draft(), new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.False(viewer.Succeeded);
        Assert.False(anonymous.Succeeded);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ShareAssessments.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_written()
    {
        var (database, editor) = await ArrangeAsync(postgres, DatabaseProvider.Sqlite);
        await using var _ = database;
        var draft = new ShareAssessmentDraft("drones", null, 70m, 60m, null, null, "Only a publisher", null, "not a url", null);

        var result = await editor.AddShareAssessmentAsync(draft, User("admin@example.org", Roles.Admin));

        Assert.Equal(["asOf", "confidence", "source", "sourceUrl", "usShare"], result.Errors.Keys.Order());
        Assert.Contains("more than 100", result.Errors["usShare"]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ShareAssessments.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_failing_audit_write_rolls_the_change_back(DatabaseProvider provider)
    {
        var (database, editor) = await ArrangeAsync(postgres, provider);
        await using var _ = database;
        var editorUser = User("editor@example.org", Roles.Editor);
        Assert.True((await editor.AddShareAssessmentAsync(Draft(), editorUser)).Succeeded);
        await using (var db = database.CreateContext())
        {
            // From here on the database refuses every audit entry.
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? "CREATE TRIGGER no_audit BEFORE INSERT ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;"
                : "CREATE FUNCTION no_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql; " +
                  "CREATE TRIGGER no_audit BEFORE INSERT ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION no_audit();");
        }

        var stored = await SingleAssessmentAsync(database);
        var form = (await editor.LoadAsync(FigureKind.Assessment, stored.Id))!;
        var added = await editor.AddShareAssessmentAsync(Draft(sourceKey: null) with { NewSourcePublisher = "Example", NewSourceTitle = "Briefing" }, editorUser);
        var edited = await editor.SaveAsync(new FigureSave(FigureKind.Assessment, stored.Id, form.Token, null,
            new Dictionary<string, string?>(form.Values) { ["europeShare"] = "45" }, "corrected"), editorUser);
        var deleted = await editor.DeleteAsync(FigureKind.Assessment, stored.Id, form.Token, "duplicate", editorUser);

        // Each write is refused with a message, and none of it is stored.
        Assert.All(new[] { added, edited, deleted }, r => Assert.Contains("Nothing was written", r.Errors[""], StringComparison.Ordinal));
        await using var check = database.CreateContext();
        var after = await check.ShareAssessments.IgnoreQueryFilters().SingleAsync();
        Assert.Equal(41.5m, after.EuropeShare);
        Assert.Null(after.DeletedAt);
        Assert.False(await check.Sources.AnyAsync(s => s.Publisher == "Example"));
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    private static async Task<ShareAssessment> SingleAssessmentAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ShareAssessments.SingleAsync();
    }
}

using BurdenShift.Core.Audit;
using BurdenShift.Core.Review;

namespace BurdenShift.IntegrationTests;

/// <summary>One database with the services an editor's page uses, and helpers to look at what was stored.</summary>
internal sealed class EditScene(TestDatabase database) : IAsyncDisposable
{
    /// <summary>Late enough for every figure the tests write to count on the dashboard.</summary>
    public static readonly DateOnly AsOf = new(2027, 1, 1);

    public TestDatabase Database { get; } = database;

    public FigureEditor Editor { get; } = new(database.Factory(), TimeProvider.System, NullLogger<FigureEditor>.Instance);

    public AuditHistory History { get; } = new(database.Factory());

    public ImportHistory Imports { get; } = new(database.Factory(), TimeProvider.System, NullLogger<ImportHistory>.Instance);

    public DashboardService Dashboard { get; } = new(database.Factory());

    public FigureImporter Importer { get; } = new(database.Factory(), TimeProvider.System, NullLogger<FigureImporter>.Instance);

    // The same services where review is required (Editing:Review = required): every change is a draft.
    public FigureEditor ReviewEditor { get; } = new(database.Factory(), TimeProvider.System, NullLogger<FigureEditor>.Instance, new ReviewPolicy(true));

    public FigureImporter ReviewImporter { get; } = new(database.Factory(), TimeProvider.System, NullLogger<FigureImporter>.Instance, new ReviewPolicy(true));

    public ImportHistory ReviewImports { get; } = new(database.Factory(), TimeProvider.System, NullLogger<ImportHistory>.Instance, new ReviewPolicy(true));

    public ReviewQueue Queue { get; } = new(database.Factory(), TimeProvider.System, NullLogger<ReviewQueue>.Instance);

    public static async Task<EditScene> CreateAsync(PostgresServer postgres, DatabaseProvider provider, string dataset = "none")
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.SeedAsync(dataset);
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

    /// <summary>An area's target's row id, as the area page has it (the read model carries it).</summary>
    public async Task<long> TargetIdAsync(string areaKey, string targetKey) =>
        (await AreaPageAsync(areaKey)).Targets.Single(t => t.Key == targetKey).Id;

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
        text.Append(CultureInfo.InvariantCulture, $"data version {await db.DatasetInfo.Select(d => d.DataVersion).FirstOrDefaultAsync()}\n");
        text.Append(CultureInfo.InvariantCulture, $"audit entries {await db.AuditEntries.CountAsync()}\n");
        foreach (var set in await db.ChangeSets.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"change set {set.Id} {set.Kind} {set.RowCount} undone {set.UndoneAt:O}\n");
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static readonly ClaimsPrincipal Alice = User("alice@example.org", Roles.Editor);

    public static readonly ClaimsPrincipal Bob = User("bob@example.org", Roles.Admin);

    // Imports are change sets that can be undone as a whole, once, and only while untouched.
    public const string ImportFile = """
        area,as_of,europe_share,us_share,source,confidence,note,source_url
        drones,2025-06-30,30,60,"Example Institute, drone census",medium,first estimate,https://example.org/census
        drones,2025-09-30,35,58,reuters-2027,medium,revised,
        cyber,2025-03-31,,70,reuters-2027,low,US share only,
        """;

    public static Dictionary<string, string?> Values(string? json) => AuditTrail.Read(json);

    public static string Errors(SaveResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"));

    public static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}

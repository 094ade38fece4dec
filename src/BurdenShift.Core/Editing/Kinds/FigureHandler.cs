namespace BurdenShift.Core.Editing.Kinds;

/// <summary>The typed half of a handler: casts once, so each kind's file deals with its own class.</summary>
internal abstract class FigureHandler<T>(FigureKind kind, string noun) : IFigureHandler
    where T : class, ISoftDeletable
{
    public FigureKind Kind => kind;

    public Type EntityType => typeof(T);

    public string Noun => noun;

    public virtual string? ParentNoun => "area";

    public abstract IReadOnlyList<FieldSpec> Fields { get; }

    public string Describe(object row) => Describe((T)row);

    public async Task<IReadOnlyList<(long Id, object Row)>> FindAsync(BurdenShiftDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await db.Set<T>().IgnoreQueryFilters().Where(IdIn([.. ids])).ToListAsync(ct);
        return [.. rows.Select(r => (Convert.ToInt64(db.Entry(r).Property("Id").CurrentValue, CultureInfo.InvariantCulture), (object)r))];
    }

    public abstract Task<NewFigure?> NewAsync(BurdenShiftDbContext db, string? parentKey, CancellationToken ct);

    public Task ApplyAsync(BurdenShiftDbContext db, object row, FormValues values, bool adding, CancellationToken ct) =>
        ApplyAsync(db, (T)row, values, adding, ct);

    public virtual Task<IReadOnlyList<object>> AddedWithAsync(BurdenShiftDbContext db, object row, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<object>>([]);

    public async Task<FigureForm> ToFormAsync(BurdenShiftDbContext db, object row, CancellationToken ct)
    {
        var typed = (T)row;
        await PrepareFormAsync(db, typed, ct);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        Read(typed, values);
        if (SourceIdOf(typed) is { } sourceId and not 0
            && await db.Sources.Where(s => s.Id == sourceId).Select(s => s.Key).FirstOrDefaultAsync(ct) is { } sourceKey)
        {
            values[FormFields.Source] = sourceKey;
        }

        var areaKey = await AreaKeyOfAsync(db, row, ct);
        var parentKey = await ParentKeyAsync(db, typed, ct) ?? areaKey;
        var id = Convert.ToInt64(db.Entry(row).Property("Id").CurrentValue, CultureInfo.InvariantCulture);
        return new FigureForm(Kind, id, db.RowVersionOf(row), Describe(typed), areaKey, parentKey, values, typed.DeletedAt is not null);
    }

    public virtual async Task<string?> AreaKeyOfAsync(BurdenShiftDbContext db, object row, CancellationToken ct) =>
        await AreaIdAsync(db, (T)row, ct) is { } areaId
            ? await db.Areas.IgnoreQueryFilters().Where(a => a.Id == areaId).Select(a => a.Key).FirstOrDefaultAsync(ct)
            : null;

    public void Cite(object row, int sourceId, Source? created) => Cite((T)row, sourceId, created);

    /// <summary>The rows with these ids: <c>r => ids.Contains(r.Id)</c>.</summary>
    protected abstract Expression<Func<T, bool>> IdIn(long[] ids);

    protected abstract string Describe(T row);

    protected abstract Task ApplyAsync(BurdenShiftDbContext db, T row, FormValues values, bool adding, CancellationToken ct);

    /// <summary>Writes the row's values as the form shows them (the source is added by the caller).</summary>
    protected abstract void Read(T row, IDictionary<string, string?> values);

    protected abstract Task<int?> AreaIdAsync(BurdenShiftDbContext db, T row, CancellationToken ct);

    /// <summary>Loads what <see cref="Read"/> needs besides the row's own columns (a pair's indicator keys).</summary>
    protected virtual Task PrepareFormAsync(BurdenShiftDbContext db, T row, CancellationToken ct) => Task.CompletedTask;

    /// <summary>What the form's parent is when it is not the area (an observation's indicator).</summary>
    protected virtual Task<string?> ParentKeyAsync(BurdenShiftDbContext db, T row, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>The source a row cites (0 or null: none); every <see cref="SourcedRow"/> cites one.</summary>
    private static int? SourceIdOf(T row) => row is SourcedRow sourced ? sourced.SourceId : null;

    private static void Cite(T row, int sourceId, Source? created)
    {
        if (row is SourcedRow sourced)
        {
            (sourced.SourceId, sourced.Source) = (sourceId, created ?? sourced.Source);
        }
    }

    protected static string Text(decimal? value) => value is { } v ? v.Normalize().ToString(CultureInfo.InvariantCulture) : "";

    protected static string Text(DateOnly value) => value.ToString(InputRules.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>" (range 15 to 25)" after a value whose source gave a range (a missing bound is the value); nothing otherwise.</summary>
    protected static string Span(decimal? value, decimal? low, decimal? high) =>
        low is null && high is null ? "" : $" (range {Text(low ?? value)} to {Text(high ?? value)})";

    protected static string Num(decimal? value) => value is { } v ? v.Normalize().ToString(CultureInfo.InvariantCulture) : "no public figure";
}

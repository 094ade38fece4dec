namespace BurdenShift.Core.Editing.Kinds;

/// <summary>
/// Everything the editor, the history and the undo of imports need to know about one kind of
/// row: its form, how a row is found, created, read into a form and changed from one. The
/// editor (<see cref="FigureEditor"/>) does the rest the same way for every kind: authorization,
/// the reason, the version check, the source, the audited write.
/// </summary>
/// <remarks>
/// How to add a kind:
/// <list type="number">
/// <item>Add a member to <see cref="FigureKind"/> (its lower-case name is the URL slug).</item>
/// <item>Name its form fields in <see cref="FormFields"/> (reuse the names that mean the same).</item>
/// <item>Add one file here: a class deriving from <see cref="FigureHandler{T}"/>, or from
/// <see cref="AreaFigureHandler{T}"/> when rows are added under an area, passing its kind and
/// noun to the base (a dated, sourced figure derives its row from <see cref="Domain.SourcedFigure"/>
/// and reuses <see cref="SourcedFigureForm"/> for date, grade, source and note). Declare the fields
/// (a <see cref="FieldKind.Source"/> field makes the row cite a source, a
/// <see cref="FieldKind.Confidence"/> field makes it grade its own confidence), then fill in
/// the abstract members; <see cref="MilestoneHandler"/> is a complete example.</item>
/// <item>Register it in <see cref="FigureHandlers"/>.</item>
/// </list>
/// The edit page renders the declared fields, so a kind needs no page of its own; a new field
/// type (<see cref="FieldKind"/>) needs a case in the edit page and a parser in FormValues.
/// </remarks>
internal interface IFigureHandler
{
    FigureKind Kind { get; }

    /// <summary>The domain class of the rows (audit entries name it).</summary>
    Type EntityType { get; }

    /// <summary>What a row is called in messages: "share assessment".</summary>
    string Noun { get; }

    /// <summary>What a new row is added under ("area", "indicator"), or null if it stands alone.</summary>
    string? ParentNoun { get; }

    IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>A short description of a row for audit summaries and history lists.</summary>
    string Describe(object row);

    /// <summary>Rows by id, deleted ones included, in one query.</summary>
    Task<IReadOnlyList<(long Id, object Row)>> FindAsync(BurdenShiftDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>A new, unsaved row under the parent with this key; null if there is no such parent.</summary>
    Task<NewFigure?> NewAsync(BurdenShiftDbContext db, string? parentKey, CancellationToken ct);

    /// <summary>Reads the posted values onto the row (each problem lands next to its field).</summary>
    Task ApplyAsync(BurdenShiftDbContext db, object row, FormValues values, bool adding, CancellationToken ct);

    /// <summary>Rows a new row brings along (an area's standard targets), added to the context.</summary>
    Task<IReadOnlyList<object>> AddedWithAsync(BurdenShiftDbContext db, object row, CancellationToken ct);

    /// <summary>A stored row as its edit form shows it.</summary>
    Task<FigureForm> ToFormAsync(BurdenShiftDbContext db, object row, CancellationToken ct);

    /// <summary>The key of the area a row belongs to (its own for an area), deleted areas included.</summary>
    Task<string?> AreaKeyOfAsync(BurdenShiftDbContext db, object row, CancellationToken ct);

    /// <summary>Points the row at a source: an existing one by id, or a new one saved with it.</summary>
    void Cite(object row, int sourceId, Source? created);
}

/// <summary>A row made for a form: not yet added to the context.</summary>
internal sealed record NewFigure(object Row, string? AreaKey, string Title);

namespace BurdenShift.Core.Editing;

/// <summary>The outcome of a write: field errors or a conflict (nothing written), or the row's id.</summary>
public sealed record SaveResult(IReadOnlyDictionary<string, string> Errors, long? Id, EditConflict? Conflict = null)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    /// <summary>
    /// Set when review is required: the change was kept as this draft, and nothing published
    /// (<see cref="Id"/> is then the row's id only when the row already existed).
    /// </summary>
    public long? DraftId { get; init; }

    public static SaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null);

    public static SaveResult Done(long id) => new(new Dictionary<string, string>(), id);
}

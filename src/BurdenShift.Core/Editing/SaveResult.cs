namespace BurdenShift.Core.Editing;

/// <summary>The outcome of a write: field errors or a conflict (nothing written), or the row's id.</summary>
public sealed record SaveResult(IReadOnlyDictionary<string, string> Errors, long? Id, EditConflict? Conflict = null)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static SaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null);

    public static SaveResult Done(long id) => new(new Dictionary<string, string>(), id);
}

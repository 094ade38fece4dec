namespace BurdenShift.Core.Review;

/// <summary>
/// The pending drafts a preview applies, oldest first, by id: the set a previewed figure was
/// computed with, so a cache keyed on it never serves figures of another set of drafts.
/// </summary>
public sealed record PendingDrafts(IReadOnlyList<long> Ids)
{
    /// <summary>The ids, for a cache key ("" when none is pending).</summary>
    public string Key { get; } = string.Join(',', Ids);

    public int Count => Ids.Count;
}

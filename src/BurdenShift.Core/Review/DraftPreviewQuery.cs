namespace BurdenShift.Core.Review;

/// <summary>
/// The <c>preview=drafts</c> query value of pages, the read API and the data exports
/// (docs/methodology.md, "Drafts and review"): the latest record with every pending draft
/// applied, for editors and admins only; readers, viewers and a knowledge time never get it.
/// </summary>
public static class DraftPreviewQuery
{
    public const string Name = "preview";

    public const string Drafts = "drafts";

    /// <summary>
    /// Whether <paramref name="text"/> asks for the drafts preview and may have it: absent is no
    /// preview; anything but <c>drafts</c>, or with a knownAt, is a bad request; a caller who is
    /// not an editor or admin is forbidden.
    /// </summary>
    public static DraftPreviewReading Read(string? text, DateTimeOffset? knownAt, ClaimsPrincipal user)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        if (!string.Equals(text, Drafts, StringComparison.Ordinal))
        {
            return new DraftPreviewReading(false, "preview takes one value, drafts (the latest record with the pending drafts applied).", false);
        }

        if (!Roles.CanWrite(user))
        {
            return new DraftPreviewReading(false,
                "the preview of pending drafts (preview=drafts) is for signed-in editors and admins; readers see only the published record.", true);
        }

        return knownAt is null
            ? new DraftPreviewReading(true, null, false)
            : new DraftPreviewReading(false, "preview=drafts applies the pending drafts to the latest record; it cannot be combined with knownAt.", false);
    }
}

namespace BurdenShift.Core.Accounts;

/// <summary>The three roles. An Admin can do all an Editor can, and an Editor all a Viewer can.</summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Editor, Admin];

    /// <summary>
    /// Roles that may write figures: the one definition, used by the server-side checks of every
    /// write (<see cref="CanWrite"/>) and by the web's write policy.
    /// </summary>
    public static readonly IReadOnlyList<string> Writers = [Editor, Admin];

    /// <summary>Whether a user may add, change, delete, revert and import figures.</summary>
    public static bool CanWrite(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && Writers.Any(user.IsInRole);
}

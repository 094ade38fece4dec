namespace BurdenShift.Core.Accounts;

/// <summary>The three roles. An Admin can do all an Editor can, and an Editor all a Viewer can.</summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Editor, Admin];

    /// <summary>Roles that may write figures.</summary>
    public const string Writers = Editor + "," + Admin;
}

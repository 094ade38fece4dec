namespace BurdenShift.Core.Editing;

/// <summary>
/// The reason an editor gives for a change: checked the same way for saves, deletions, reverts
/// and undos, and kept in the audit trail (at most <see cref="ColumnLimits.Reason"/> characters,
/// with any reference to the change it undoes).
/// </summary>
internal static class ChangeReason
{
    /// <summary>Checks a reason; the problem (for the <see cref="FormFields.Reason"/> field) or null.</summary>
    /// <param name="missing">What to say when no reason is given; null when a reason is optional.</param>
    /// <param name="reference">Appended to the kept reason, e.g. <c>(reverts change #12)</c>.</param>
    /// <param name="operation">The operation's name in the length message, e.g. <c>a revert</c>.</param>
    /// <param name="text">The reason as kept: trimmed, with the reference; null when none was given.</param>
    public static string? Problem(string? reason, string? missing, out string? text, string? reference = null, string? operation = null)
    {
        text = null;
        if (string.IsNullOrWhiteSpace(reason))
        {
            return missing;
        }

        var trimmed = reason.Trim();
        if (InputRules.TextProblem(trimmed, ColumnLimits.Reason, multiline: true) is { } problem)
        {
            return $"The reason {problem}.";
        }

        text = reference is null ? trimmed : $"{trimmed} {reference}";
        if (text.Length > ColumnLimits.Reason)
        {
            var room = ColumnLimits.Reason - (text.Length - trimmed.Length);
            text = null;
            return $"At most {room} characters for {operation} (this is {trimmed.Length}).";
        }

        return null;
    }
}

namespace BurdenShift.Core.Review;

/// <summary>
/// A row a draft changes holds other values than when the draft was proposed: thrown inside the
/// publishing write so that it is rolled back whole; the message shows both versions.
/// </summary>
public sealed class DraftConflictException : Exception
{
    public DraftConflictException(string row, string? proposedAgainst, string? now)
        : base($"{row} changed since the draft was proposed, so nothing was published. The draft was proposed against {Show(proposedAgainst)}; it now holds {Show(now)}. Reject the draft and propose the change again if it still holds.")
    {
    }

    public DraftConflictException()
    {
    }

    public DraftConflictException(string message) : base(message)
    {
    }

    public DraftConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }

    private static string Show(string? values)
    {
        var read = AuditTrail.Read(values);
        return read.Count == 0 ? "no values" : string.Join(", ", read.Where(p => p.Key is not ("EnteredAt" or "AreaId" or "IndicatorId")).Select(p => $"{p.Key} {p.Value ?? "(none)"}"));
    }
}

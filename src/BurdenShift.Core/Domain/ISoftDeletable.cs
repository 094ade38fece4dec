namespace BurdenShift.Core.Domain;

/// <summary>
/// A row editors can delete. Deleting only stamps it: the row stays in the database with its
/// audit history, every query skips it, and reverting the deletion brings it back.
/// </summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; set; }

    string? DeletedBy { get; set; }
}

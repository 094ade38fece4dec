namespace BurdenShift.Core.Domain;

/// <summary>
/// A row editors keep that cites one source from the registry: a target, a milestone, a
/// <see cref="SourcedFigure"/>. Editing reads and sets the citation here for every such kind. Not
/// an entity of its own: each kind has its table.
/// </summary>
public abstract class SourcedRow : ISoftDeletable
{
    public int SourceId { get; set; }

    public Source? Source { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}

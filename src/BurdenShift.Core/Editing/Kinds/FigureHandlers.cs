namespace BurdenShift.Core.Editing.Kinds;

/// <summary>The handler of each <see cref="FigureKind"/>: the one list a new kind is registered in.</summary>
internal static class FigureHandlers
{
    public static readonly IReadOnlyList<IFigureHandler> All =
    [
        new AreaHandler(),
        new AssessmentHandler(),
        new ObservationHandler(),
        new TargetHandler(),
        new MilestoneHandler(),
        new CountPairHandler(),
    ];

    private static readonly Dictionary<FigureKind, IFigureHandler> ByKind = All.ToDictionary(h => h.Kind);

    private static readonly Dictionary<string, IFigureHandler> ByEntityType = All.ToDictionary(h => h.EntityType.Name, StringComparer.Ordinal);

    public static IFigureHandler Of(FigureKind kind) =>
        ByKind.TryGetValue(kind, out var handler) ? handler : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No handler is registered for this kind.");

    public static bool IsRegistered(FigureKind kind) => ByKind.ContainsKey(kind);

    /// <summary>The handler of the rows an audit entry names by class (null: not an editable kind, e.g. a source).</summary>
    public static IFigureHandler? ForEntityType(string entityType) => ByEntityType.GetValueOrDefault(entityType);
}

namespace BurdenShift.Core.Sources;

/// <summary>
/// One page of the source registry as of a date (<see cref="SourceRegistryService.GetPageAsync"/>):
/// <see cref="Total"/> counts the whole registry, <see cref="Sources"/> the page of those a filter kept
/// (its <see cref="RowPage{T}.Total"/> counts them all).
/// </summary>
public sealed record SourceRegistryPage(DateOnly AsOf, int Total, RowPage<RegistrySource> Sources);

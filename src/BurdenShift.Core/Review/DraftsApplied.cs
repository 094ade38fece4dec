namespace BurdenShift.Core.Review;

/// <summary>What a read computed with the pending drafts applied, and the drafts left out because they could not be published now.</summary>
public sealed record DraftsApplied<T>(T Value, IReadOnlyList<string> LeftOut);

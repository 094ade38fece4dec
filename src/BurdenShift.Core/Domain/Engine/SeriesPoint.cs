namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// One observation of a series. <paramref name="EntryOrder"/> breaks ties between observations
/// of the same date: the larger one was entered later (database ids grow in entry order, and
/// an import writes its rows in file order).
/// </summary>
public readonly record struct SeriesPoint(DateOnly Date, decimal Value, long EntryOrder, Confidence Confidence = Confidence.High);

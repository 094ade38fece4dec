namespace BurdenShift.Core.Dashboard;

/// <summary>
/// One page of a long table, newest first: what a page, the API or an export shows of a history
/// that may hold a million rows (docs/decisions/0012). <see cref="Total"/> counts every row dated
/// on or before the as-of date.
/// </summary>
public sealed record RowPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>How many pages the rows fill (at least one, which may be empty).</summary>
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

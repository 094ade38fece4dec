namespace BurdenShift.Core.Inputs;

/// <summary>
/// The <c>page</c> parameter of the pages that list a long history (sources, edit history, what
/// changed): which page of rows, newest first, from 1. The page number lives in the address, so a
/// copied link, back and forward show the same rows. A value that is not a page number shows the
/// first page and says why; one past the last page shows the last (the service clamps it).
/// </summary>
public static class PageQuery
{
    public const string Name = "page";

    // As the read API's paging: far past any real history, and small enough that page x size fits an int.
    public const int MaxPage = 1_000_000;

    /// <summary>The page <paramref name="text"/> names, or 1 with the reason it is not a page number.</summary>
    public static (int Page, string? Problem) Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (1, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage
            ? (page, null)
            : (1, $"The page in the address must be a whole number from 1 to {MaxPage:N0}; showing the first page instead.");
    }

    /// <summary>
    /// The page to show of <paramref name="total"/> rows in pages of <paramref name="pageSize"/>:
    /// <paramref name="page"/>, or the last page when it lies beyond it.
    /// </summary>
    public static int Clamp(int page, int total, int pageSize) =>
        Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
}

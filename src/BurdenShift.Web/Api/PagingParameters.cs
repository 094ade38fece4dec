namespace BurdenShift.Web.Api;

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters of the paged history endpoints.</summary>
internal static class PagingParameters
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    // Far past any real history (a million rows is 2,000 pages of 500) and small enough that page x size fits an int.
    public const int MaxPage = 1_000_000;

    /// <summary>Parses both; missing means page 1 of <see cref="DefaultPageSize"/> rows.</summary>
    public static bool TryRead(string? pageText, string? sizeText, out int page, out int pageSize, out IResult? problem)
    {
        problem = null;
        pageSize = DefaultPageSize;
        page = 1;
        if (!string.IsNullOrEmpty(sizeText) && !TryInt(sizeText, 1, MaxPageSize, out pageSize))
        {
            problem = TypedResults.Problem(title: "Invalid pageSize",
                detail: $"pageSize must be a whole number from 1 to {MaxPageSize} (default {DefaultPageSize}); '{sizeText}' is not.",
                statusCode: StatusCodes.Status400BadRequest);
            return false;
        }

        if (!string.IsNullOrEmpty(pageText) && !TryInt(pageText, 1, MaxPage, out page))
        {
            problem = TypedResults.Problem(title: "Invalid page",
                detail: $"page must be a whole number from 1 to {MaxPage} (default 1); '{pageText}' is not.",
                statusCode: StatusCodes.Status400BadRequest);
            return false;
        }

        return true;
    }

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}

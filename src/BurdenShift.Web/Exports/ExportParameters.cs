namespace BurdenShift.Web.Exports;

/// <summary>Reads and checks the query parameters the export endpoints share; a bad one becomes a 400 with its reason.</summary>
internal static class ExportParameters
{
    public const int MinSize = 200;
    public const int MaxSize = 4000;

    public static IResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A pixel size between <see cref="MinSize"/> and <see cref="MaxSize"/>; none means the default.</summary>
    public static bool TrySize(string name, string? text, int fallback, out int size, out IResult? problem)
    {
        problem = null;
        size = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
            && size is >= MinSize and <= MaxSize)
        {
            return true;
        }

        problem = BadRequest($"Invalid {name}", $"{name} must be a whole number of pixels from {MinSize} to {MaxSize}; '{text}' is not.");
        return false;
    }

    /// <summary>A scenario's pace per year (<see cref="Scenarios"/>); none means the fitted trend.</summary>
    public static bool TryPace(string? text, out decimal? pace, out IResult? problem)
    {
        problem = null;
        pace = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (Scenarios.TryReadPace(text, out var value, out var why))
        {
            pace = value;
            return true;
        }

        problem = BadRequest("Invalid pace", $"pace must be a number of points (or the indicator's units) per year, for example 2.5 or -1; it {why}.");
        return false;
    }

    /// <summary>1 (default) or 2, for a 2x image of the same layout.</summary>
    public static bool TryScale(string? text, out int scale, out IResult? problem)
    {
        problem = null;
        scale = 1;
        switch (text)
        {
            case null or "" or "1":
                return true;
            case "2":
                scale = 2;
                return true;
            default:
                problem = BadRequest("Invalid scale", $"scale must be 1 or 2; '{text}' is not.");
                return false;
        }
    }

    /// <summary>A comma-separated list of standard target keys (<c>2027,2030</c>); none means both.</summary>
    public static bool TryTargets(string? text, out IReadOnlyList<string> targets, out IResult? problem)
    {
        problem = null;
        targets = ExportCharts.StandardTargets;
        if (text is null)
        {
            return true;
        }

        var keys = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var unknown = keys.Where(k => !ExportCharts.StandardTargets.Contains(k)).ToList();
        if (keys.Count == 0 || unknown.Count > 0)
        {
            problem = BadRequest("Invalid targets",
                $"targets must list one or more of {string.Join(", ", ExportCharts.StandardTargets)}, separated by commas"
                + (unknown.Count > 0 ? $"; '{string.Join("', '", unknown)}' is not a target." : "; the list is empty."));
            return false;
        }

        targets = keys;
        return true;
    }

    /// <summary>A comma-separated list of area keys, each of which must exist; none means every area.</summary>
    public static bool TryAreas(string? text, IReadOnlyList<string> known, out IReadOnlyList<string> areas, out IResult? problem)
    {
        problem = null;
        areas = known;
        if (text is null)
        {
            return true;
        }

        var keys = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var unknown = keys.Where(k => !known.Contains(k)).ToList();
        if (keys.Count == 0 || unknown.Count > 0)
        {
            problem = BadRequest("Invalid areas",
                (unknown.Count > 0 ? $"There is no capability area with the key '{string.Join("', '", unknown)}'. " : "The list of areas is empty. ")
                + $"areas must list one or more of {string.Join(", ", known)}, separated by commas.");
            return false;
        }

        areas = keys;
        return true;
    }

    /// <summary>burdenshift-isr-2026-06-30.png</summary>
    public static string FileName(string subject, DateOnly asOf, string extension) =>
        $"burdenshift-{subject}-{Formats.Date(asOf)}.{extension}";
}

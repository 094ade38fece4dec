namespace BurdenShift.Core.Imports;

/// <summary>An import file as read: its kind, the valid rows in file order, every problem, and the new sources its rows cite.</summary>
internal sealed class ParsedImport
{
    public ImportKind Kind { get; set; }

    public List<ImportRow> Rows { get; } = [];

    public List<ImportProblem> Problems { get; } = [];

    public Dictionary<string, Source> NewSources { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Source, string Url), string> CitationKeys { get; } = [];
}

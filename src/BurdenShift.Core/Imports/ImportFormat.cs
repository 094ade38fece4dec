namespace BurdenShift.Core.Imports;

/// <summary>The file formats an import reads; both carry the same columns.</summary>
public enum ImportFormat
{
    Csv = 0,
    Xlsx = 1,
}

public static class ImportFormats
{
    /// <summary>.xlsx files are read as workbooks; anything else as CSV.</summary>
    public static ImportFormat FromFileName(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx : ImportFormat.Csv;
}

using System.Text;

namespace BurdenShift.Core.Exports;

/// <summary>Text made safe to open in a spreadsheet.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Text that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is
    /// prefixed with a single quote (OWASP's advice against CSV injection), so a spreadsheet shows
    /// it as text and never runs it as a formula. Only text goes through here: numbers, negative
    /// ones too, are written as numbers.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Drops the control characters XML 1.0 cannot carry (all below U+0020 but tab, LF and CR).</summary>
    internal static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= ' ' || c is '\t' or '\n' or '\r')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

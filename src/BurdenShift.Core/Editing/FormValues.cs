using BurdenShift.Core.Domain;
using BurdenShift.Core.Inputs;

namespace BurdenShift.Core.Editing;

/// <summary>The posted values of a form, parsed one field at a time; each problem lands next to its field.</summary>
internal sealed class FormValues(IReadOnlyDictionary<string, string?> values, Dictionary<string, string> errors)
{
    public string? Raw(string field) => values.GetValueOrDefault(field);

    /// <summary>Whether the field has a problem already.</summary>
    public bool Has(string field) => errors.ContainsKey(field);

    public void Error(string field, string message) => errors.TryAdd(field, message);

    public string? Text(string field, int max, bool required) => Checked(field, max, required, multiline: false);

    /// <summary>A text that may hold tabs and line breaks (notes, descriptions).</summary>
    public string? LongText(string field, int max, bool required) => Checked(field, max, required, multiline: true);

    public DateOnly? Date(string field, bool required)
    {
        var text = Raw(field)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(field, "Give a date.");
            }

            return null;
        }

        if (!InputRules.TryDate(text, out var date, out var problem))
        {
            Error(field, $"The date {problem}.");
            return null;
        }

        return date;
    }

    public decimal? Number(string field, bool required, decimal? min, decimal? max, int decimals)
    {
        var text = Raw(field)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(field, "Give a number.");
            }

            return null;
        }

        if (!InputRules.TryNumber(text, decimals, min, max, out var value, out var problem))
        {
            Error(field, $"{char.ToUpperInvariant(problem[0])}{problem[1..]}.");
            return null;
        }

        return value;
    }

    public Confidence? Confidence(string field)
    {
        if (WireNames.TryParseConfidence(Raw(field), out var value))
        {
            return value;
        }

        Error(field, "Choose a confidence: high, medium or low.");
        return null;
    }

    private string? Checked(string field, int max, bool required, bool multiline)
    {
        var text = Raw(field)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(field, "This field is required.");
            }

            return null;
        }

        if (InputRules.TextProblem(text, max, multiline) is { } problem)
        {
            // Null: a refused text is never used, not even to look for a duplicate key.
            Error(field, $"This text {problem}.");
            return null;
        }

        return text;
    }
}

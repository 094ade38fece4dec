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

    public DateOnly? Date(string field, bool required) =>
        Read(field, TypedValues.Date(Raw(field)), required ? "Give a date." : null, problem => $"The date {problem}.");

    /// <param name="parse">The kind of number, e.g. <see cref="TypedValues.Share"/>.</param>
    public decimal? Number(string field, Func<string?, Typed<decimal>> parse, bool required) =>
        Read(field, parse(Raw(field)), required ? "Give a number." : null, problem => $"{char.ToUpperInvariant(problem[0])}{problem[1..]}.");

    public Confidence? Confidence(string field)
    {
        if (TypedValues.Confidence(Raw(field)).OrNull is { } value)
        {
            return value;
        }

        Error(field, "Choose a confidence: high, medium or low.");
        return null;
    }

    /// <summary>The value, or null with the field's problem noted (<paramref name="missing"/> when nothing was typed: null if that is allowed).</summary>
    private T? Read<T>(string field, Typed<T> typed, string? missing, Func<string, string> phrase)
        where T : struct
    {
        if (!typed.Given)
        {
            if (missing is not null)
            {
                Error(field, missing);
            }
        }
        else if (typed.Problem is { } problem)
        {
            Error(field, phrase(problem));
        }

        return typed.OrNull;
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

namespace BurdenShift.Core.Editing;

/// <summary>One field of an edit form. The form posts text; the editor parses and checks it.</summary>
/// <param name="Default">What a new row's form holds at first.</param>
public sealed record FieldSpec(string Name, string Label, FieldKind Type, bool Required, string? Hint = null, bool OnlyOnAdd = false, string? Default = null)
{
    /// <summary>The source a figure cites: a registry key, or a new source from the fields that go with it.</summary>
    public static FieldSpec Source { get; } = new(FormFields.Source, "Source", FieldKind.Source, true, "Pick one from the registry, or add a new one below.");
}

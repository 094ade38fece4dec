using BurdenShift.Core.Editing;
using BurdenShift.Core.Editing.Kinds;

namespace BurdenShift.UnitTests.Editing;

/// <summary>A kind added to the enum but not registered (or registered twice) would break the edit pages.</summary>
public sealed class FigureHandlersTests
{
    public static TheoryData<FigureKind> Kinds() => [.. Enum.GetValues<FigureKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_handler_that_says_it_is_that_kind(FigureKind kind)
    {
        var handler = FigureHandlers.Of(kind);

        Assert.Equal(kind, handler.Kind);
        Assert.Equal(kind, FigureKinds.FromEntityType(handler.EntityType.Name));
        Assert.True(FigureKinds.TryParseSlug(kind.Slug(), out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_is_named_once_and_from_the_list_of_form_fields(FigureKind kind)
    {
        var names = kind.Fields().Select(f => f.Name).ToList();
        var known = typeof(FormFields).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Contains(n, known));
        Assert.DoesNotContain(FormFields.Reason, names);
    }

    [Fact]
    public void A_kind_that_grades_its_own_confidence_cites_a_source()
    {
        Assert.All(Enum.GetValues<FigureKind>().Where(k => k.HasConfidence()), k => Assert.True(k.CitesSource()));
    }

    [Fact]
    public void Slugs_that_name_no_kind_are_refused()
    {
        Assert.False(FigureKinds.TryParseSlug("source", out _));
        Assert.False(FigureKinds.TryParseSlug("2", out _));
        Assert.False(FigureKinds.TryParseSlug(null, out _));
    }
}

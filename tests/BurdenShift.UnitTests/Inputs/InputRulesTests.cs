using System.Globalization;
using BurdenShift.Core.Inputs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BurdenShift.UnitTests.Inputs;

/// <summary>The one input domain, as properties over generated values.</summary>
public sealed class InputRulesTests
{
    private static readonly Gen<DateOnly> AnyDate =
        Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly char[] Controls = [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(i => (char)i)];

    [Property(MaxTest = 500)]
    public Property A_date_is_accepted_exactly_when_it_is_within_1900_and_2100() =>
        Prop.ForAll(AnyDate.ToArbitrary(), date =>
            InputRules.TryDate(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var parsed, out var problem)
                == (date >= new DateOnly(1900, 1, 1) && date <= new DateOnly(2100, 12, 31))
            && (problem.Length == 0 ? parsed == date : problem.Contains("outside 1900-01-01..2100-12-31", StringComparison.Ordinal)));

    [Property(MaxTest = 500)]
    public Property Any_control_character_in_a_one_line_text_is_refused_and_only_tab_and_breaks_in_a_note() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), Gen.Elements(Controls).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (text, control, at) =>
        {
            var clean = new string([.. text.Get.Where(c => !char.IsControl(c) && !char.IsSurrogate(c))]);
            var dirty = clean.Insert(Math.Min(at, clean.Length), control.ToString());
            var oneLine = InputRules.TextProblem(dirty, 5000, multiline: false);
            var note = InputRules.TextProblem(dirty, 5000, multiline: true);
            return InputRules.TextProblem(clean, 5000, multiline: false) is null
                && oneLine is not null && oneLine.Contains("control character", StringComparison.Ordinal)
                && (note is null) == (control is '\t' or '\n' or '\r');
        });

    [Property(MaxTest = 300)]
    public Property Only_http_and_https_addresses_are_links() =>
        Prop.ForAll(Gen.Elements("javascript", "JavaScript", "data", "vbscript", "file", "ftp", "mailto", "http", "https", "HTTPS").ToArbitrary(),
            Gen.Elements("example.org/a", "//example.org/a", "alert(1)", "text/html,<script>x</script>", "").ToArbitrary(), (scheme, rest) =>
            {
                var url = $"{scheme}:{rest}";
                var web = scheme.ToLowerInvariant() is "http" or "https" && rest.StartsWith("//example.org", StringComparison.Ordinal);
                return InputRules.IsWebUrl(url) == web && (InputRules.UrlProblem(url) is null) == web;
            });

    [Property(MaxTest = 500)]
    public Property A_number_within_its_decimals_and_range_reads_back_as_itself(decimal value) =>
        Prop.When(Math.Abs(value) < InputRules.MaxMagnitude, () =>
        {
            var rounded = Math.Round(value, 4);
            var text = rounded.ToString(CultureInfo.InvariantCulture);
            return InputRules.TryNumber(text, 4, null, null, out var parsed, out _) && parsed == rounded;
        });

    [Theory]
    [InlineData("1e5")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("5-")]
    [InlineData("1000000000000000000")]
    [InlineData("1.23456789")]
    [InlineData("")]
    public void Numbers_that_are_not_plain_decimals_in_range_are_refused_with_a_reason(string text)
    {
        Assert.False(InputRules.TryNumber(text, 6, null, null, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void A_long_attribution_is_cut_to_the_column_and_loses_its_control_characters()
    {
        var by = InputRules.Attribution("import:" + new string('x', 300) + "\0");

        Assert.Equal(ColumnLimits.EnteredBy, by.Length);
        Assert.EndsWith("…", by, StringComparison.Ordinal);
        Assert.Equal("import:a?b.csv", InputRules.Attribution("import:a\nb.csv"));
    }

    [Fact]
    public void A_broken_surrogate_is_refused_a_whole_one_is_not()
    {
        Assert.NotNull(InputRules.TextProblem("a\uD800b", 100, multiline: true));
        Assert.Null(InputRules.TextProblem("drone 🛩 census", 100, multiline: false));
    }
}

namespace BurdenShift.UnitTests;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2024-03-15", 2024, 3, 15, DatePrecision.Day)]
    [InlineData("2024-02", 2024, 2, 29, DatePrecision.Month)] // leap year
    [InlineData("2023-02", 2023, 2, 28, DatePrecision.Month)]
    [InlineData("2026-Q2", 2026, 6, 30, DatePrecision.Quarter)]
    [InlineData("2025-Q4", 2025, 12, 31, DatePrecision.Quarter)]
    [InlineData("2026-H1", 2026, 6, 30, DatePrecision.Half)]
    [InlineData("2026-H2", 2026, 12, 31, DatePrecision.Half)]
    [InlineData("2011", 2011, 12, 31, DatePrecision.Year)]
    public void A_period_counts_from_its_last_day(string text, int year, int month, int day, DatePrecision precision)
    {
        var parsed = PartialDate.Parse(text);

        Assert.Equal(new DateOnly(year, month, day), parsed.Date);
        Assert.Equal(precision, parsed.Precision);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-13")]
    [InlineData("2024-02-30")]
    [InlineData("2026-Q5")]
    [InlineData("2026-H3")]
    [InlineData("24-01-01")]
    [InlineData("2025 (est.)")]
    [InlineData("15/03/2024")]
    public void Anything_else_is_refused_with_the_accepted_forms(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => PartialDate.Parse(text));
        Assert.Contains("YYYY-MM-DD", ex.Message);
    }
}

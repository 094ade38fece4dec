using System.Text.RegularExpressions;
using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.E2ETests;

/// <summary>The methodology's worked example: the engine's figures with the arithmetic that gives them.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MethodologyTests(Infrastructure.Browser browser, SharedApps apps) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    [Fact]
    public async Task The_worked_example_writes_out_each_rule_with_the_engines_own_result()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync(apps.PublicRecord.BaseUrl + "/methodology?asOf=2026-06-30");

        var example = page.GetByTestId("worked-example");
        Assert.Equal("2026-06-30", await example.GetByTestId("as-of").InnerTextAsync());
        Assert.Contains("155", await example.GetByTestId("example-indicator").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await example.Locator("[data-testid=example-observations] tbody tr").CountAsync() >= 2, "the example shows fewer than two observations");
        Assert.True(await example.Locator("[data-testid=example-observations] td", new() { HasText = "current" }).CountAsync() == 1,
            "exactly one observation is marked as the current value");

        foreach (var figure in new[] { "current", "trend", "gap", "required", "projected", "eta", "years-late", "status" })
        {
            var cells = await example.Locator($"tr[data-figure='{figure}'] td").AllInnerTextsAsync();
            Assert.Equal(3, cells.Count);
            Assert.All(cells, c => Assert.False(string.IsNullOrWhiteSpace(c), $"the {figure} row has an empty cell"));
        }

        // The written-out gap ends in the number the engine reports as the gap.
        var gapArithmetic = await example.GetByTestId("gap-arithmetic").InnerTextAsync();
        var gapResult = await example.Locator("tr[data-figure='gap'] td.result").InnerTextAsync();
        Assert.Equal(FirstNumber(gapResult), LastNumber(gapArithmetic));

        // The status row names the status the chip shows.
        var status = (await example.Locator("tr[data-figure='status'] td.result .status").InnerTextAsync()).Trim().Replace(' ', '-');
        Assert.StartsWith(status + ":", (await example.Locator("tr[data-figure='status'] td").Nth(1).InnerTextAsync()).Trim(), StringComparison.Ordinal);
    }

    private static string FirstNumber(string text) => Number().Matches(text)[0].Value;

    private static string LastNumber(string text) => Number().Matches(text)[^1].Value;

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();
}

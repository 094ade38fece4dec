using Deque.AxeCore.Playwright;

namespace BurdenShift.E2ETests.Infrastructure;

internal static class Pages
{
    /// <summary>
    /// Opens a page and waits until it has settled: the Blazor circuit is interactive (clicks
    /// before that are lost) and the page has shown what it loads (a read before that sees a
    /// loading state). The layout renders the marker only then.
    /// </summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSettledAsync();
    }

    /// <summary>Waits for the layout's marker: circuit connected and no load pending.</summary>
    public static Task WaitForSettledAsync(this IPage page) =>
        page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>
    /// The serious and critical accessibility violations of the page as it stands still: motion
    /// reduced (as a user can ask) and every finite animation finished, so a snackbar or dialog
    /// fading in is measured at its final colours, not mid-fade. Transient UI that is shown is
    /// still scanned.
    /// </summary>
    public static async Task<string[]> SeriousAxeViolationsAsync(this IPage page)
    {
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await EventuallyAsync(() => page.EvaluateAsync<bool>(
                """
                () => document.getAnimations().every(a =>
                  a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)
                """),
            "the page's animations never finished");
        var result = await page.RunAxe();
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help}: {string.Join(", ", v.Nodes.Take(5).Select(n => n.Html))}")];
    }

    /// <summary>
    /// Chooses an option of a MudSelect by its value (each item carries it as data-value): a MudSelect is a
    /// button that opens a list in a popover, not a native select, so a user clicks twice.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string testId, string value)
    {
        // The test id sits on the select's input, which MudBlazor hides behind the text it shows.
        await page.Locator(".mud-select", new() { Has = page.GetByTestId(testId) }).Last.ClickAsync();
        var option = page.Locator($".mud-popover-open [data-value='{value}']");
        await option.ClickAsync();
        await option.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    /// <summary>Waits until the address contains the text (Blazor navigates without a page load).</summary>
    public static Task WaitForUrlContainingAsync(this IPage page, string text) =>
        EventuallyAsync(() => Task.FromResult(Uri.UnescapeDataString(page.Url).Contains(text, StringComparison.Ordinal)),
            $"the address never contained '{text}' (it is {page.Url})");

    /// <summary>Waits until a condition on the page holds, polling; fails with the message after the timeout.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, string message, int timeoutMs = 15_000) =>
        EventuallyAsync(condition, () => message, timeoutMs);

    /// <summary>As above, with a message made when it fails (so it can say what the page showed then).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, Func<string> message, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail(message());
    }
}

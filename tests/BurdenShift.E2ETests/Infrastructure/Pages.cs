using Microsoft.Playwright;

namespace BurdenShift.E2ETests.Infrastructure;

internal static class Pages
{
    /// <summary>Opens a page and waits until the Blazor circuit is interactive (clicks before that are lost).</summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    /// <summary>Waits until the address contains the text (Blazor navigates without a page load).</summary>
    public static Task WaitForUrlContainingAsync(this IPage page, string text) =>
        EventuallyAsync(() => Task.FromResult(Uri.UnescapeDataString(page.Url).Contains(text, StringComparison.Ordinal)),
            $"the address never contained '{text}' (it is {page.Url})");

    /// <summary>Waits until a condition on the page holds, polling; fails with the message after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string message, int timeoutMs = 15_000)
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

        Assert.Fail(message);
    }
}

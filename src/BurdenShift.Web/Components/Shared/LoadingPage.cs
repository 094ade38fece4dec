using BurdenShift.Web.Live;
using Microsoft.AspNetCore.Components;

namespace BurdenShift.Web.Components.Shared;

/// <summary>
/// A page that loads what it shows asynchronously. <see cref="TrackAsync"/> counts the page as
/// busy (<see cref="PageActivity"/>) from the start of a load until the render that shows its
/// result has reached the browser: on Blazor Server <c>OnAfterRender</c> runs only once the
/// browser has applied the render batch, so the layout's "settled" marker always follows the
/// content it vouches for.
/// </summary>
public abstract class LoadingPage : ComponentBase, IDisposable
{
    private int _open;
    private int _loaded;

    [Inject] protected PageActivity Activity { get; set; } = null!;

    /// <summary>True when the page is rendered without a circuit (ReaderPages): it is sent once, complete.</summary>
    [CascadingParameter(Name = ReaderPages.StaticPage)] protected bool StaticPage { get; set; }

    /// <summary>Runs a load while the page counts as busy.</summary>
    protected async Task TrackAsync(Func<Task> load)
    {
        _open++;
        Activity.Begin();
        try
        {
            await load();
        }
        finally
        {
            // Settled after the next render, which shows the result (or the error). A static page
            // has no later render in a browser: it is sent once everything has loaded.
            _loaded++;
            if (StaticPage)
            {
                Settle();
            }
        }
    }

    protected override void OnAfterRender(bool firstRender) => Settle();

    private void Settle()
    {
        for (; _loaded > 0; _loaded--)
        {
            _open--;
            Activity.End();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        // A page left mid-load must not keep the next page busy.
        for (; _open > 0; _open--)
        {
            Activity.End();
        }

        _loaded = 0;
    }
}

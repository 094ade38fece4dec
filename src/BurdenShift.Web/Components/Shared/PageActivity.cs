namespace BurdenShift.Web.Components.Shared;

/// <summary>
/// Per circuit: whether the page is still loading what it shows. The layout marks the page as
/// settled (<c>data-testid="interactive"</c>, and <c>aria-busy</c> on the main landmark) only when
/// the circuit is connected and no load is pending, so a person's assistive technology and the
/// browser tests know when what they read is the page's real content, not a loading state.
/// </summary>
public sealed class PageActivity
{
    private int _pending;

    public bool IsBusy => Volatile.Read(ref _pending) > 0;

    /// <summary>Raised when the page turns busy or settled.</summary>
    public event Action? Changed;

    public void Begin()
    {
        if (Interlocked.Increment(ref _pending) == 1)
        {
            Changed?.Invoke();
        }
    }

    public void End()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            Changed?.Invoke();
        }
    }
}

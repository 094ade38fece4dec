namespace BurdenShift.Web.Components.Pages.Review;

/// <summary>
/// Per circuit: raised when this user proposed, published or rejected a draft, so the top bar's
/// "drafts pending" count is read again without waiting for a navigation.
/// </summary>
public sealed class ReviewSignal
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}

using BurdenShift.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BurdenShift.Web.Components.Shared;

/// <summary>
/// What every dashboard page shares: the as-of date from the URL (<c>?asOf=YYYY-MM-DD</c>, default
/// today), loading on navigation (so back and forward replay the view), and reloading when the
/// figures change in the database.
/// </summary>
public abstract class DashboardPage : LoadingPage
{
    [Inject] protected DataChangeWatcher Live { get; set; } = null!;

    [Inject] protected TimeProvider Time { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Inject] private DashboardCache Cache { get; set; } = null!;

    [Inject] private ReviewQueue Queue { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }

    [SupplyParameterFromQuery(Name = AsOfQuery.Name)] public string? AsOfParameter { get; set; }

    [SupplyParameterFromQuery(Name = DraftPreviewQuery.Name)] public string? DraftPreviewParameter { get; set; }

    /// <summary>
    /// The pending drafts applied to the page's figures (<c>?preview=drafts</c>, editors and admins
    /// only; docs/decisions/0021); null: the published record.
    /// </summary>
    protected PendingDrafts? Preview { get; private set; }

    /// <summary>The figures the address asks for: as published (at its knownAt, if any), or an editor's preview with the pending drafts applied.</summary>
    protected DashboardCache Figures => Preview is { } drafts ? Cache.WithDrafts(Queue, drafts) : Cache.At(KnownAt);

    protected DateOnly AsOf { get; private set; }

    protected bool IsToday => AsOfParameter is null || AsOfProblem is not null;

    /// <summary>Set when the URL's asOf is not a date (the page then shows today) or its knownAt not a past moment (the latest record); the page says so.</summary>
    protected string? AsOfProblem { get; private set; }

    protected string AsOfText => Formats.Date(AsOf);

    [SupplyParameterFromQuery(Name = KnownAtQuery.Name)] public string? KnownAtParameter { get; set; }

    /// <summary>
    /// The moment whose published record the page shows (docs/methodology.md, "Knowledge time"),
    /// from <c>?knownAt=</c>; null: the latest record.
    /// </summary>
    protected DateTimeOffset? KnownAt { get; private set; }

    /// <summary>The address's knownAt as links carry it on, or null.</summary>
    protected string? KnownAtText => KnownAt is { } k ? KnownAtQuery.Format(k) : null;

    /// <summary>A link to another page for the same as-of date and knowledge time.</summary>
    protected string Permalink(string path)
    {
        var query = new List<string>();
        if (!IsToday)
        {
            query.Add($"{AsOfQuery.Name}={AsOfText}");
        }

        if (KnownAtText is { } known)
        {
            query.Add($"{KnownAtQuery.Name}={Uri.EscapeDataString(known)}");
        }

        if (Preview is not null)
        {
            query.Add($"{DraftPreviewQuery.Name}={DraftPreviewQuery.Drafts}");
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    protected override void OnInitialized() => Live.Changed += OnDataChanged;

    protected override async Task OnParametersSetAsync()
    {
        // Any date the engine, the charts and the change report compute from stays in 1900..2100.
        var reading = AsOfQuery.Read(AsOfParameter, DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime));
        AsOf = reading.Date;
        var known = KnownAtQuery.Read(KnownAtParameter, Time.GetUtcNow());
        KnownAt = known.Moment;
        // One notice for what the address gets wrong: a bad knownAt shows the latest record and says so.
        List<string> problems = [];
        if (reading.Problem is { } problem)
        {
            problems.Add($"The date in the address {problem}; showing today instead.");
        }

        if (known.Problem is { } knownProblem)
        {
            problems.Add($"The knowledge time in the address (knownAt) {knownProblem}; showing the latest published figures instead.");
        }

        var user = Auth is null ? new System.Security.Claims.ClaimsPrincipal() : (await Auth).User;
        var preview = DraftPreviewQuery.Read(DraftPreviewParameter, KnownAt, user);
        _previewing = preview.On;
        if (preview.Problem is { } previewProblem)
        {
            problems.Add($"The address asks for a preview, but {previewProblem} Showing the published figures.");
        }

        AsOfProblem = problems.Count == 0 ? null : string.Join(" ", problems);

        await TrackAsync(LoadPreviewedAsync);
    }

    private bool _previewing;

    // The drafts pending now (a new or decided draft since the last load is another preview).
    private async Task LoadPreviewedAsync()
    {
        Preview = _previewing ? await Queue.GetPendingIdsAsync() : null;
        await LoadAsync();
    }

    /// <summary>Loads the page's figures for <see cref="AsOf"/>.</summary>
    protected abstract Task LoadAsync();

    /// <summary>The address of this page with some query values replaced (null removes one).</summary>
    protected string WithQuery(IReadOnlyDictionary<string, object?> values) => Navigation.GetUriWithQueryParameters(values);

    private void OnDataChanged(DataChange change) => _ = InvokeAsync(async () =>
    {
        await TrackAsync(LoadPreviewedAsync);
        StateHasChanged();
    });

    protected override void Dispose(bool disposing)
    {
        Live.Changed -= OnDataChanged;
        base.Dispose(disposing);
    }
}

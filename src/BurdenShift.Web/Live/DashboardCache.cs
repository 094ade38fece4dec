using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;

namespace BurdenShift.Web.Live;

/// <summary>
/// One computation per (as-of date, data version), shared by every page, circuit, API call and
/// export of this process (docs/decisions/0012). Entries are keyed by the data version the
/// <see cref="DataChangeWatcher"/> last read and this process's own saves
/// (<see cref="DataVersionInterceptor.LocalWritesTo"/>), so a change anywhere makes the next read
/// compute afresh, once: callers that ask at the same time share the same task. Results are
/// immutable records; circuits hold references to them, never copies.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    /// <summary>The meter every BurdenShift instrument belongs to (OpenTelemetry listens to this name).</summary>
    public const string MeterName = "BurdenShift";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Computations = Meter.CreateCounter<long>(
        "burdenshift.dashboard.computations", unit: "{computation}", description: "Dashboard figures computed from the database");
    private static readonly Counter<long> Hits = Meter.CreateCounter<long>(
        "burdenshift.dashboard.cache_hits", unit: "{hit}", description: "Dashboard figures served from the shared cache");

    private readonly DashboardService _dashboard;
    private readonly Func<long?> _version;
    private readonly Shared _shared;
    private readonly DateTimeOffset? _knownAt;

    // Editors' preview (docs/decisions/0021): the drafts applied, and the queue that applies them.
    private readonly (ReviewQueue Queue, PendingDrafts Drafts)? _drafts;
    private readonly Shared _previews;

    private readonly string _database;

    /// <param name="database">The connection string of the database the figures come from.</param>
    public DashboardCache(DashboardService dashboard, Func<long?> version, string database)
    {
        _dashboard = dashboard;
        _version = version;
        _database = database;
        _shared = new Shared();
        _previews = new Shared();
    }

    private DashboardCache(DashboardCache latest, DateTimeOffset knownAt)
    {
        _dashboard = latest._dashboard.KnownAt(knownAt);
        _version = latest._version;
        _database = latest._database;
        _shared = latest._shared;
        _previews = latest._previews;
        _knownAt = knownAt;
    }

    private DashboardCache(DashboardCache latest, ReviewQueue queue, PendingDrafts drafts)
    {
        _dashboard = latest._dashboard;
        _version = latest._version;
        _database = latest._database;
        // Never the published entries: a previewed figure must not reach a reader.
        _shared = latest._previews;
        _previews = latest._previews;
        _drafts = (queue, drafts);
    }

    /// <summary>
    /// The latest figures with <paramref name="drafts"/> applied, for editors' preview: computed in
    /// a rolled-back rehearsal and cached apart from the published figures, under keys that name
    /// the drafts (a new or decided draft is another key).
    /// </summary>
    public DashboardCache WithDrafts(ReviewQueue queue, PendingDrafts drafts) => new(this, queue, drafts);

    /// <summary>The drafts these figures have applied (an editor's preview); null for the published record.</summary>
    public PendingDrafts? Drafts => _drafts?.Drafts;

    /// <summary>
    /// The figures as published at <paramref name="knownAt"/> (docs/methodology.md, "Knowledge
    /// time"), cached beside the latest ones under keys that include the moment; null: the latest.
    /// </summary>
    public DashboardCache At(DateTimeOffset? knownAt) => knownAt is { } k ? new DashboardCache(this, k) : this;

    /// <summary>The moment these figures are as published at; null for the latest record.</summary>
    public DateTimeOffset? KnownAt => _knownAt;

    // The entries and their version, shared by the latest figures and those at any knowledge time.
    private sealed class Shared
    {
        public Lock Gate { get; } = new();

        // A few hundred entries: as-of dates, moments and area keys are chosen by readers, so the count is bounded here.
        // (Previews have a store of their own of the same bound: only editors ask for them.)
        public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = 512 });

        public (long? Version, long LocalWrites) Stamp { get; set; }
    }

    public Task<DashboardOverview> GetOverviewAsync(DateOnly asOf, CancellationToken ct = default) =>
        GetOverviewAsync(asOf, HistoryDepth.TrendWindow, ct);

    /// <summary>
    /// The overview's figures (trend windows for sparklines), or with <see cref="HistoryDepth.Chart"/> a bounded picture of the whole history.
    /// The chart depth is built on the cached trend-window entry (<see cref="DashboardService.ExtendToChartAsync"/>):
    /// no request reads the dense windows a second time, and none holds two copies of them.
    /// </summary>
    public Task<DashboardOverview> GetOverviewAsync(DateOnly asOf, HistoryDepth depth, CancellationToken ct = default) =>
        GetAsync<DashboardOverview>(
            ("overview", asOf, depth.ToString()),
            // A preview computes every depth with the drafts applied, so no part of it is read from the published record alone.
            depth == HistoryDepth.Chart && _drafts is null
                ? async () => await _dashboard.ExtendToChartAsync(await GetOverviewAsync(asOf, HistoryDepth.TrendWindow, CancellationToken.None))
                : Read(d => d.GetOverviewAsync(asOf, depth)),
            ct);

    public async Task<IReadOnlyList<AreaSummary>> GetAreasAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetOverviewAsync(asOf, ct)).Areas;

    public async Task<IReadOnlyList<IndexResult>> GetIndexAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetOverviewAsync(asOf, ct)).Index;

    /// <summary>One area's page, or null for an unknown key (also cached: a wrong key costs no SQL the second time).</summary>
    public Task<AreaDetail?> GetAreaAsync(string key, DateOnly asOf, CancellationToken ct = default) =>
        GetAsync(("area", asOf, key), Read(d => d.GetAreaAsync(key, asOf)), ct);

    /// <summary>
    /// A page of an area's assessments, newest first, or null for an unknown key. The first page
    /// of the standard size is the one the area's own entry carries: it costs no SQL of its own.
    /// </summary>
    public async Task<RowPage<AssessmentRow>?> GetAssessmentPageAsync(string key, DateOnly asOf, int page, int pageSize, CancellationToken ct = default)
    {
        if (page == 1 && pageSize == HistoryReads.LatestRows)
        {
            return await GetAreaAsync(key, asOf, ct) is { } area
                ? new RowPage<AssessmentRow>(area.Assessments, 1, pageSize, area.ShareHistory.Rows)
                : null;
        }

        return await GetAsync(("assessments", asOf, $"{key}|{page}|{pageSize}"), Read(d => d.Rows.ReadAssessmentsAsync(key, asOf, page, pageSize)), ct);
    }

    /// <summary>A page of an indicator's observations, newest first, or null for an unknown key.</summary>
    public Task<RowPage<ObservationRow>?> GetObservationPageAsync(string key, DateOnly asOf, int page, int pageSize, CancellationToken ct = default) =>
        GetAsync(("observations", asOf, $"{key}|{page}|{pageSize}"), Read(d => d.Rows.ReadObservationsAsync(key, asOf, page, pageSize)), ct);

    /// <summary>
    /// The moment these figures are as published at: the knowledge time asked for, or for the
    /// latest record the moment of the latest published change (cached per data version).
    /// </summary>
    public Task<DateTimeOffset> GetKnownAtAsync(LatestPublication latest, CancellationToken ct = default) =>
        _knownAt is { } k ? Task.FromResult(k) : GetAsync(("known-at", default, ""), () => latest.MomentAsync(), ct);

    public Task<IndicatorOverview> GetIndicatorOverviewAsync(DateOnly asOf, CancellationToken ct = default) =>
        GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow, ct);

    public Task<IndicatorOverview> GetIndicatorOverviewAsync(DateOnly asOf, HistoryDepth depth, CancellationToken ct = default) =>
        GetAsync(
            ("indicators", asOf, depth.ToString()),
            // As the overview's: the chart depth is built on the cached trend-window entry.
            depth == HistoryDepth.Chart && _drafts is null
                ? async () => await _dashboard.ExtendIndicatorsToChartAsync(
                    await GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow, CancellationToken.None), asOf, ct: CancellationToken.None)
                : Read(d => d.GetIndicatorOverviewAsync(asOf, depth)),
            ct);

    public async Task<IReadOnlyList<IndicatorSummary>> GetIndicatorsAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetIndicatorOverviewAsync(asOf, ct)).Indicators;

    /// <summary>
    /// The indicators' figures with the whole history, at <see cref="HistoryDepth.Chart"/>, of the
    /// chosen ones only (a chart, the compare page): each from its own entry per data version, so a
    /// chart of one indicator reads no other's months. The others keep their trend windows.
    /// </summary>
    public async Task<IndicatorOverview> GetIndicatorChartsAsync(DateOnly asOf, IEnumerable<string> keys, CancellationToken ct = default)
    {
        var trend = await GetIndicatorOverviewAsync(asOf, ct);
        var history = new Dictionary<string, IReadOnlyList<SeriesPoint>>(trend.History);
        foreach (var key in keys.Distinct().Where(trend.History.ContainsKey))
        {
            // An indicator removed by a change made meanwhile keeps the window it was read with.
            var window = trend.History[key];
            history[key] = await GetAsync<IReadOnlyList<SeriesPoint>>(
                ("indicator-chart", asOf, key),
                // A preview computes the chart depth whole, with the drafts applied (one entry of its own cache).
                _drafts is null
                    ? async () => (await _dashboard.ExtendIndicatorsToChartAsync(
                        await GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow, CancellationToken.None), asOf, key)).History.GetValueOrDefault(key, window)
                    : async () => (await GetIndicatorOverviewAsync(asOf, HistoryDepth.Chart, CancellationToken.None)).History.GetValueOrDefault(key, window),
                ct);
        }

        return trend with { History = history };
    }

    // The computation of an entry: on the published record (at the knowledge time, if any), or with the drafts applied.
    private Func<Task<T>> Read<T>(Func<DashboardService, Task<T>> read) => _drafts is { } preview
        ? async () => (await preview.Queue.WithDraftsAppliedAsync(preview.Drafts, (dashboard, _) => read(dashboard), CancellationToken.None)).Value
        : () => read(_dashboard);

    private Task<T> GetAsync<T>((string Kind, DateOnly AsOf, string Arg) what, Func<Task<T>> compute, CancellationToken ct)
    {
        var stamp = (_version(), DataVersionInterceptor.LocalWritesTo(_database));
        var key = (what.Kind, what.AsOf, what.Arg, stamp, _knownAt, _drafts?.Drafts.Key);
        Lazy<Task<T>> entry;
        bool created;
        lock (_shared.Gate)
        {
            if (stamp != _shared.Stamp)
            {
                // A new version: what was computed before can never be asked for again.
                _shared.Stamp = stamp;
                _shared.Entries.Compact(1.0);
            }

            created = !_shared.Entries.TryGetValue(key, out entry!);
            if (created)
            {
                // Computed without the caller's cancellation: other callers wait for the same task.
                entry = new Lazy<Task<T>>(compute);
                _shared.Entries.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
            }
        }

        var tags = new KeyValuePair<string, object?>("kind", _drafts is null ? what.Kind : $"preview-{what.Kind}");
        if (created)
        {
            Computations.Add(1, tags);
        }
        else
        {
            Hits.Add(1, tags);
        }

        return AwaitAsync(entry, key, ct);
    }

    // A failed load is not kept: the next caller tries again.
    private async Task<T> AwaitAsync<T>(Lazy<Task<T>> entry, object key, CancellationToken ct)
    {
        try
        {
            // The caller may stop waiting; the computation goes on for the others.
            return await entry.Value.WaitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || entry.Value.IsCanceled)
        {
            lock (_shared.Gate)
            {
                if (_shared.Entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _shared.Entries.Remove(key);
                }
            }

            throw;
        }
    }

    public void Dispose()
    {
        // A view at a knowledge time shares the entries of the cache it came from, which owns them.
        if (_knownAt is null && _drafts is null)
        {
            _shared.Entries.Dispose();
            _previews.Entries.Dispose();
        }
    }
}

using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Web.Live;

/// <summary>A change to the figures, seen in the database's data version.</summary>
public sealed record DataChange(long Version, string? Summary);

/// <summary>
/// Polls the database's data version (one primary-key read four times a second for the whole app,
/// not per visitor) and tells open dashboards when it moves, whichever process made the change:
/// this app, another instance on the same database, or the CLI import. The interval bounds how
/// late an open page hears of a change (issue 10: every open page within 2 s; ADR 0005).
/// </summary>
public sealed class DataChangeWatcher(
    IDbContextFactory<BurdenShiftDbContext> dbFactory,
    IConfiguration configuration,
    ILogger<DataChangeWatcher> logger) : BackgroundService
{
    private long? _version;
    private bool _failing;
    private long _lastPollStarted = System.Diagnostics.Stopwatch.GetTimestamp();

    public event Action<DataChange>? Changed;

    // Completed (and replaced) each time the version moves: what held /live/version requests wait on.
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A task that completes when the data version next moves (after <see cref="Version"/> has the
    /// new value). Read it before comparing versions, so that no change falls between the two.
    /// </summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    /// <summary>The data version last read (null before the first answer); caches of computed figures key on it.</summary>
    public long? Version => Interlocked.Read(ref _versionSeen) is var v && v >= 0 ? v : null;

    private long _versionSeen = -1;

    /// <summary>Whether the loaded dataset is the illustrative one (every page says so).</summary>
    public bool IsIllustrative { get; private set; }

    /// <summary>The summary of the latest change this instance has seen ("1 share assessment added by ..."), if any.</summary>
    public string? LatestSummary { get; private set; }

    /// <summary>How often the version is read (<c>Live:PollSeconds</c>, 0.1-60 s, default 0.25 s).</summary>
    public int PollMilliseconds => (int)(PollInterval.TotalMilliseconds);

    /// <summary>
    /// A quarter of a second: at 1 s the poll alone was half of the 2 s an open page may take to show
    /// a change made by another process (bench <c>circuits</c>), and four primary-key reads a second
    /// cost the database nothing it notices.
    /// </summary>
    public const double DefaultPollSeconds = 0.25;

    private TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Live:PollSeconds", DefaultPollSeconds), 0.1, 60));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Know the dataset (illustrative or not) before the first page is served.
        await PollAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads the data version now; public so a page can force a check.</summary>
    public async Task PollAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var previousPoll = Interlocked.Exchange(ref _lastPollStarted, started);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var info = await db.DatasetInfo.AsNoTracking()
                .Where(d => d.Id == DatasetInfo.SingletonId)
                .Select(d => new { d.DataVersion, d.ChangeSummary, d.IsIllustrative })
                .FirstOrDefaultAsync(ct);
            _failing = false;
            if (info is null)
            {
                return;
            }

            IsIllustrative = info.IsIllustrative;
            var previous = _version;
            _version = info.DataVersion;
            Interlocked.Exchange(ref _versionSeen, info.DataVersion);
            if (previous is not null && previous != info.DataVersion)
            {
                LatestSummary = info.ChangeSummary;
                Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                Changed?.Invoke(new DataChange(info.DataVersion, info.ChangeSummary));
                // The change happened after the previous poll began: this bounds how late pages hear of it.
                BurdenShift.Core.Telemetry.BurdenShiftMetrics.LiveRefreshLag.Record(System.Diagnostics.Stopwatch.GetElapsedTime(previousPoll).TotalSeconds);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged once per outage: the health check reports the database, this only pauses updates.
            if (!_failing)
            {
                logger.LogWarning(ex, "Live updates paused: the database did not answer");
                _failing = true;
            }
        }
    }
}

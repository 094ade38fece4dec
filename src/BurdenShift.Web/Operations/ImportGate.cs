namespace BurdenShift.Web.Operations;

/// <summary>
/// Keeps host shutdown from cutting an import half-way. An import runs in one transaction; on
/// SIGTERM the host waits (up to its shutdown timeout, <c>ShutdownTimeoutSeconds</c>, default 30)
/// for imports in flight to finish, and cancels the rest before it stops, so they roll back and
/// report it instead of dying with the process. Either way nothing is half-written.
/// </summary>
internal sealed class ImportGate(ILogger<ImportGate> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _lock = new();
    private int _running;
    private TaskCompletionSource _idle = Completed();

    /// <summary>Runs an import with a token that is cancelled only when shutdown cannot wait for it any longer.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> import)
    {
        lock (_lock)
        {
            if (_running++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        try
        {
            return await import(_abort.Token);
        }
        finally
        {
            lock (_lock)
            {
                if (--_running == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_lock)
        {
            if (_running == 0)
            {
                return;
            }

            logger.LogInformation("Shutting down: waiting for {Count} import(s) in flight", _running);
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(cancellationToken);
            logger.LogInformation("Imports in flight finished; stopping");
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Shutdown timeout reached: cancelling the imports in flight, which roll back");
            await _abort.CancelAsync();
            await idle.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _abort.Dispose();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BurdenShift.Bench;

/// <summary>EF's commands to one database file, leaving out the watcher's once-a-second version poll.</summary>
internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _file;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public CommandCounter(string file)
    {
        _file = file;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData data
            && data.Command.Connection?.DataSource is { } source && source.Contains(_file, StringComparison.Ordinal)
            && !data.Command.CommandText.Contains("\"ChangeSummary\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BurdenShift.E2ETests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF sends to one database file, through EF's diagnostic events (the
/// app's pooled contexts have fixed options, and other apps of the test run use other files).
/// The live-update poll of the data version is left out: it runs four times a second whatever
/// the number of visitors. The benches <c>circuits</c> and <c>readers</c> compile this file too.
/// </summary>
public sealed class SqlCommandListener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _databaseFile;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public SqlCommandListener(string databaseFile)
    {
        _databaseFile = databaseFile;
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
            && data.Command.Connection?.DataSource is { } source && source.Contains(_databaseFile, StringComparison.Ordinal)
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

using System.Diagnostics.Metrics;

namespace BurdenShift.Core.Telemetry;

/// <summary>
/// The app's own meter, <c>BurdenShift</c>, exported with the ASP.NET Core, runtime and database
/// metrics (docs/operations.md lists them and what normal looks like). Static, like the
/// framework's own meters: instruments are cheap no-ops until a listener (OpenTelemetry) subscribes.
/// Prometheus names them with dots as underscores and the unit appended, e.g.
/// <c>burdenshift_imports_total</c>, <c>burdenshift_export_duration_seconds</c>.
/// </summary>
public static class BurdenShiftMetrics
{
    public const string MeterName = "BurdenShift";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Interactive (Blazor Server) circuits open on this instance.</summary>
    public static readonly UpDownCounter<long> OpenCircuits =
        Meter.CreateUpDownCounter<long>("burdenshift.circuits.open", "{circuit}", "Blazor circuits open on this instance");

    /// <summary>
    /// Seconds from the last poll that still saw the old data version to the moment open pages
    /// were told of the new one: an upper bound on how late a change reaches a page.
    /// </summary>
    public static readonly Histogram<double> LiveRefreshLag =
        Meter.CreateHistogram<double>("burdenshift.live.refresh.lag", "s", "Upper bound on the time from a data change to open pages being told");

    /// <summary>Imports by kind and outcome (written, refused, dry-run, rolled-back).</summary>
    public static readonly Counter<long> Imports =
        Meter.CreateCounter<long>("burdenshift.imports", "{import}", "CSV/XLSX imports by kind and outcome");

    /// <summary>Rows written by imports.</summary>
    public static readonly Counter<long> ImportedRows =
        Meter.CreateCounter<long>("burdenshift.imports.rows", "{row}", "Rows written by imports");

    public static readonly Histogram<double> ImportDuration =
        Meter.CreateHistogram<double>("burdenshift.import.duration", "s", "Time to check and write one import");

    /// <summary>Exports by kind (data, chart, pack), format and HTTP status.</summary>
    public static readonly Counter<long> Exports =
        Meter.CreateCounter<long>("burdenshift.exports", "{export}", "Exports by kind, format and status");

    public static readonly Histogram<double> ExportDuration =
        Meter.CreateHistogram<double>("burdenshift.export.duration", "s", "Time to produce one export, by kind and format");

    public static readonly Counter<long> SignInFailures =
        Meter.CreateCounter<long>("burdenshift.signin.failures", "{attempt}", "Failed sign-ins (wrong password, unknown or disabled account)");

    public static readonly Counter<long> Lockouts =
        Meter.CreateCounter<long>("burdenshift.signin.lockouts", "{lockout}", "Sign-ins refused because the account is locked out");

    /// <summary>
    /// Dashboard snapshot requests, tagged <c>cache=hit</c> or <c>cache=miss</c> (a miss is a
    /// computation): for the dashboard cache to record, <c>Add(1, new("cache", "hit"))</c>.
    /// </summary>
    public static readonly Counter<long> DashboardComputations =
        Meter.CreateCounter<long>("burdenshift.dashboard.computations", "{computation}", "Dashboard snapshots asked for, by cache=hit|miss");
}

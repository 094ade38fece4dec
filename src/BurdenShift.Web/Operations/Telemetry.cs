using BurdenShift.Core.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BurdenShift.Web.Operations;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core (requests, Kestrel, SignalR, Blazor circuits),
/// the runtime, Npgsql and EF Core, and the app's own <see cref="BurdenShiftMetrics"/>. Exported
/// to a Prometheus scrape endpoint on a management port of its own when
/// <c>Observability:MetricsPort</c> is set, and over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is. Traces always exist (Serilog stamps their ids on events).
/// </summary>
internal static class Telemetry
{
    public const string MetricsPortKey = "Observability:MetricsPort";
    public const string MetricsPath = "/metrics";

    /// <summary>The management port, or null when the scrape endpoint is off (the default).</summary>
    public static int? MetricsPort(IConfiguration config)
    {
        var text = config[MetricsPortKey];
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "0")
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new StartupConfigurationException($"{MetricsPortKey} is '{text}': set it to a free TCP port (e.g. 9464), or leave it empty to turn the scrape endpoint off.");
    }

    public static void Add(WebApplicationBuilder builder)
    {
        var port = MetricsPort(builder.Configuration);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (port is { } p)
        {
            ListenAlsoOn(builder, p);
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("burdenshift", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(BurdenShiftMetrics.MeterName)
                    .AddMeter("Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Components.Lifecycle")
                    .AddMeter("Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel")
                    .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql");
                if (port is not null)
                {
                    m.AddPrometheusExporter();
                }

                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            })
            .WithTracing(t =>
            {
                // The scrape and health probes would be most of the traces and say nothing.
                t.AddAspNetCoreInstrumentation(o => o.Filter = c =>
                        !c.Request.Path.StartsWithSegments(MetricsPath) && !c.Request.Path.StartsWithSegments("/health"))
                    .AddNpgsql()
                    .AddSource("Microsoft.EntityFrameworkCore");
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            });
    }

    /// <summary>
    /// Adds the management port to the addresses Kestrel listens on (the public ones stay as
    /// configured: urls, ASPNETCORE_URLS, http_ports, or Kestrel's default).
    /// </summary>
    private static void ListenAlsoOn(WebApplicationBuilder builder, int port)
    {
        var config = builder.Configuration;
        var urls = config["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            var httpPorts = config["http_ports"];
            urls = string.IsNullOrWhiteSpace(httpPorts)
                ? "http://localhost:5000"
                : string.Join(';', httpPorts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}"));
            var httpsPorts = config["https_ports"];
            if (!string.IsNullOrWhiteSpace(httpsPorts))
            {
                urls += ";" + string.Join(';', httpsPorts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"https://*:{p}"));
            }
        }

        builder.WebHost.UseUrls($"{urls};http://*:{port}");
    }

    /// <summary>
    /// The scrape endpoint answers on the management port only; everything else there is 404,
    /// and /metrics on the public port is the app's ordinary not-found.
    /// </summary>
    public static void Use(WebApplication app)
    {
        if (MetricsPort(app.Configuration) is not { } port)
        {
            return;
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(c => c.Connection.LocalPort == port && c.Request.Path == MetricsPath);
        app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort == port)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
    }
}

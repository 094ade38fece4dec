using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BurdenShift.Web.Operations;

/// <summary>
/// Running BurdenShift as a service (docs/operations.md): trusted proxy headers, OpenTelemetry
/// with a Prometheus endpoint on a management port, and imports that survive a graceful shutdown.
/// </summary>
internal static class OperationsSetup
{
    public static WebApplicationBuilder AddBurdenShiftOperations(this WebApplicationBuilder builder)
    {
        var proxies = ProxyHeaders.Read(builder.Configuration);
        if (proxies is not null)
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = proxies.ForwardedHeaders;
                o.ForwardLimit = proxies.ForwardLimit;
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var p in proxies.KnownProxies)
                {
                    o.KnownProxies.Add(p);
                }

                foreach (var n in proxies.KnownIPNetworks)
                {
                    o.KnownIPNetworks.Add(n);
                }
            });
        }

        Telemetry.Add(builder);
        builder.Services.AddScoped<CircuitHandler, CircuitMetrics>();
        builder.Services.AddSingleton<ImportGate>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ImportGate>());
        return builder;
    }

    /// <summary>First in the pipeline: everything after sees the real client and scheme.</summary>
    public static WebApplication UseBurdenShiftOperations(this WebApplication app)
    {
        if (ProxyHeaders.Read(app.Configuration) is not null)
        {
            app.UseForwardedHeaders();
        }

        Telemetry.Use(app);
        ExportMetrics.Use(app);
        return app;
    }
}

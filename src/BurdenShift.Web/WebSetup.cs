using BurdenShift.Web.Components;
using BurdenShift.Web.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Serilog;

namespace BurdenShift.Web;

internal static class WebSetup
{
    public static WebApplicationBuilder AddBurdenShiftWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, lc) => WebLogging.Configure(lc, builder.Configuration).ReadFrom.Services(services),
            preserveStaticLogger: true);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseBurdenShiftWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseSerilogRequestLogging();
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // Liveness says the process serves requests; readiness also needs the database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready") });
        return app;
    }
}

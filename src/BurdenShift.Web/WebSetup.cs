using System.Text.Json;
using System.Text.Json.Serialization;
using BurdenShift.Web.Api;
using BurdenShift.Web.Components;
using BurdenShift.Web.Components.Shared;
using BurdenShift.Web.Errors;
using BurdenShift.Web.Exports;
using BurdenShift.Web.Health;
using BurdenShift.Web.Live;
using BurdenShift.Web.Operations;
using BurdenShift.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
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
        builder.Services.AddSingleton<DataChangeWatcher>();
        builder.Services.AddSingleton<ReaderPageCache>();
        builder.Services.AddScoped<PageActivity>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DataChangeWatcher>());
        builder.Services.AddSingleton(sp => new DashboardCache(
            sp.GetRequiredService<BurdenShift.Core.Dashboard.DashboardService>(), () => sp.GetRequiredService<DataChangeWatcher>().Version,
            sp.GetRequiredService<BurdenShiftSettings>().ConnectionString));
        builder.Services.AddOutputCache(DataVersionOutputCache.Configure);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<ErrorResponses>();
        // Keys in the database: cookies survive restarts and work across instances behind a load balancer.
        builder.Services.AddDataProtection().SetApplicationName("BurdenShift").PersistKeysToDbContext<BurdenShiftDbContext>();
        builder.AddBurdenShiftAuth();
        builder.Services.AddScoped<Components.Pages.Review.ReviewSignal>();
        builder.Services.AddBurdenShiftRateLimits();
        builder.Services.AddBurdenShiftExports(builder.Configuration);
        builder.Services.AddOpenApi();
        builder.AddBurdenShiftOperations();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        return builder;
    }

    public static WebApplication UseBurdenShiftWeb(this WebApplication app)
    {
        app.UseBurdenShiftOperations();
        // In every environment: the API's errors are problem details (500, or 503 while the
        // database is out of reach), pages get the friendly error page.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = ErrorResponses.StatusFor,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseDataVersionETags();
        app.UseOutputCache();
        DataVersionOutputCache.EvictOnChange(app.Services);
        // Anonymous readers' static overview: stored HTML per address and data version, like the
        // output cache's answers (ADR 0015). A stored page, like a stored answer, is not logged.
        var readerPages = app.Services.GetRequiredService<ReaderPageCache>();
        app.Use((context, next) => readerPages.InvokeAsync(context, next));

        // The host's logger: with preserveStaticLogger the middleware's default, the static Log, is silent.
        // Health probes (every few seconds from a balancer) are logged below the default level.
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetService<Serilog.ILogger>();
            o.GetLevel = (context, _, ex) => ex is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Verbose : Serilog.Events.LogEventLevel.Information;
        });
        // Pages get the not-found page; the API answers with problem details.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
        app.UseAntiforgery();
        app.Use(ResendStaleSignIn);
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOpenApi();
        app.MapDataExportApi();
        app.MapReadApi();
        app.MapChangeFeed();
        app.MapChartExportApi();
        app.MapPackExportApi();
        app.MapLiveVersion();

        // Liveness says the process serves requests; readiness also needs the database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready") }).AllowAnonymous();
        // Only a form of this site signs out: a POST without its antiforgery token (a link on
        // another site) changes nothing. A handler with no form parameters gets no automatic check.
        app.MapPost("/account/signout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<BurdenShiftUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(title: "Invalid sign-out request",
                    detail: "Sign out with the Sign out button of a BurdenShift page (the request carried no valid antiforgery token).",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/");
        });
        return app;
    }

    /// <summary>
    /// A sign-in form whose antiforgery token no longer matches (opened before a sign-in or sign-out
    /// in another tab, or before another page of a first visit set a new cookie) is shown again with
    /// the reason, instead of Blazor's bare 400 text. Nothing was checked or changed.
    /// </summary>
    private static Task ResendStaleSignIn(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.Equals("/account/signin", StringComparison.OrdinalIgnoreCase)
            && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(context.Request.QueryString.Value);
            var again = new Dictionary<string, string?> { ["expired"] = "true" };
            if (query.TryGetValue("ReturnUrl", out var returnUrl))
            {
                again["ReturnUrl"] = returnUrl.ToString();
            }

            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.Request.PathBase + "/account/signin", again);
            return Task.CompletedTask;
        }

        return next(context);
    }
}

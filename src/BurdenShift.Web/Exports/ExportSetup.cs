namespace BurdenShift.Web.Exports;

/// <summary>The services the chart and briefing-pack exports need.</summary>
internal static class ExportSetup
{
    public static IServiceCollection AddBurdenShiftExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection("Exports"));
        services.AddScoped<ExportCharts>();
        services.AddScoped<BriefingPacks>();
        return services;
    }
}

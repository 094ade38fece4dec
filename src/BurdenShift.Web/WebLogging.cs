using Serilog;
using Serilog.Formatting.Compact;

namespace BurdenShift.Web;

/// <summary>
/// Serilog set-up shared by the start-up logger and the host's logger: levels from the
/// <c>Serilog</c> section, console output as text or, with <c>Logging:Format=json</c>, as compact JSON.
/// </summary>
internal static class WebLogging
{
    public const string FormatKey = "Logging:Format";

    public static LoggerConfiguration Configure(LoggerConfiguration lc, IConfiguration config)
    {
        lc.ReadFrom.Configuration(config).Enrich.FromLogContext();
        return string.Equals(config[FormatKey], "json", StringComparison.OrdinalIgnoreCase)
            ? lc.WriteTo.Console(new RenderedCompactJsonFormatter())
            : lc.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
    }
}

using MudBlazor;

namespace BurdenShift.Web.Components.Layout;

internal static class BurdenShiftTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            // MudBlazor's default info blue under white text fails WCAG contrast (the live-update snackbar).
            Info = "#0b5394",
            AppbarBackground = "#1f3a5f",
            AppbarText = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            Info = "#0b5394",
            AppbarBackground = "#14263d",
            AppbarText = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}

using MudBlazor;

namespace BurdenShift.Web.Components.Layout;

/// <summary>
/// The palette every status, confidence grade and notice takes its colour from (StatusChip,
/// ConfidenceChip, MudAlert). Each colour passes WCAG AA as text on the page's surface and against its
/// contrast text (filled alerts, the snackbar); the words carry the meaning, the colour repeats it.
/// </summary>
internal static class BurdenShiftTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            // On track, met, high confidence.
            Success = "#1b5e20",
            // At risk, low confidence, warnings.
            Warning = "#8a3f00",
            // Off track, missed, errors.
            Error = "#b71c1c",
            // Medium confidence and news; MudBlazor's default info blue under white text fails AA (the live-update snackbar).
            Info = "#0b5394",
            AppbarBackground = "#1f3a5f",
            AppbarText = "#ffffff",
        },
        // Light tints on MudBlazor's dark surface, with dark text where they are filled.
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            PrimaryContrastText = "#1a1a1a",
            // MudBlazor's 50% white fails AA for field labels and placeholders on the dark surface.
            TextSecondary = "rgba(255,255,255,0.72)",
            Success = "#8fd19e",
            SuccessContrastText = "#1a1a1a",
            Warning = "#ffcc80",
            WarningContrastText = "#1a1a1a",
            Error = "#ff9e9e",
            ErrorContrastText = "#1a1a1a",
            Info = "#90caf9",
            InfoContrastText = "#1a1a1a",
            AppbarBackground = "#14263d",
            AppbarText = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
            // Buttons carry figures and sentences ("Import 3 row(s)", "PowerPoint (.pptx)"): they keep their case.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}

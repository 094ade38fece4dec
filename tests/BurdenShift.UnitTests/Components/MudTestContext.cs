using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BurdenShift.UnitTests.Components;

/// <summary>
/// A bUnit context with MudBlazor's services, for components built from MudBlazor ones (chips,
/// alerts). MudBlazor calls into its own script, which bUnit has not loaded: those calls are answered
/// loosely, as MudBlazor's own tests do.
/// </summary>
internal static class MudTestContext
{
    public static BunitContext Create()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }
}

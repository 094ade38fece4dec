using BurdenShift.Core.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BurdenShift.Web.Operations;

/// <summary>Counts the interactive circuits open on this instance (one per open tab).</summary>
internal sealed class CircuitMetrics : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        BurdenShiftMetrics.OpenCircuits.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        BurdenShiftMetrics.OpenCircuits.Add(-1);
        return Task.CompletedTask;
    }
}

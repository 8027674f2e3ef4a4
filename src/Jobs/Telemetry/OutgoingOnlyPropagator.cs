using System.Diagnostics;

namespace LabCharts.Jobs.Telemetry;

/// <summary>
/// W3C trace context that is written on the way out and never read on the way in: a public API's callers
/// write their own <c>traceparent</c>, and a trace they choose (or a flood of spans under one id) is not
/// theirs to make. A request starts a trace of its own; the job's message still carries it to the worker.
/// <c>Telemetry:TrustIncomingTraceContext=true</c> restores reading it, behind a gateway that sets it.
/// </summary>
public sealed class OutgoingOnlyPropagator : DistributedContextPropagator
{
    private readonly DistributedContextPropagator _w3c = CreateDefaultPropagator();

    /// <inheritdoc />
    public override IReadOnlyCollection<string> Fields => _w3c.Fields;

    /// <inheritdoc />
    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) =>
        _w3c.Inject(activity, carrier, setter);

    /// <inheritdoc />
    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        traceId = null;
        traceState = null;
    }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
}

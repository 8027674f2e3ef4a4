using LabCharts.Jobs.Hosting;

namespace LabCharts.Jobs.Storage;

/// <summary>Readiness: the object store answers.</summary>
public sealed class StorageHealthCheck(IObjectStore store) : ProbeHealthCheck("storage")
{
    /// <inheritdoc />
    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) => store.IsReachableAsync(cancellationToken);
}

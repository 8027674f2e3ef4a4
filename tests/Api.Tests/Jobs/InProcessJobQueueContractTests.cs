using LabCharts.Jobs.Queue;

namespace LabCharts.Api.Tests.Jobs;

public sealed class InProcessJobQueueContractTests : JobQueueContract
{
    private readonly InProcessJobQueue _queue = new();

    protected override IJobQueue Queue => _queue;

    protected override IJobDeliverySource Source => _queue;
}

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Telemetry;

namespace LabCharts.Jobs.Queue;

/// <summary>
/// The embedded queue: two unbounded channels in memory, one per lane, each read on its own. Messages
/// do not survive the process; <see cref="Submission.JobSweeper"/> re-publishes every job
/// whose record is not final when the process starts, so none is lost.
/// </summary>
public sealed class InProcessJobQueue : IJobQueue, IJobDeliverySource, IQueueDepths
{
    private readonly Channel<(JobMessage Message, int Count)> _interactive = Channel.CreateUnbounded<(JobMessage, int)>();
    private readonly Channel<(JobMessage Message, int Count)> _batch = Channel.CreateUnbounded<(JobMessage, int)>();

    /// <inheritdoc />
    public ValueTask PublishAsync(JobMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Enqueue(message, 1, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JobDelivery> ReadAllAsync(JobLane lane, int maxUnsettled,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = lane == JobLane.Batch ? _batch : _interactive;
        await foreach (var (message, count) in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return new Delivery(this, message, count);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueDepth>> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QueueDepth>>(
        [
            new("in-process interactive", "interactive", _interactive.Reader.Count, null),
            new("in-process batch", "batch", _batch.Reader.Count, null),
        ]);

    private ValueTask Enqueue(JobMessage message, int count, CancellationToken cancellationToken) =>
        (message.Lane == JobLane.Batch ? _batch : _interactive).Writer.WriteAsync(
            (message with { TraceParent = message.TraceParent ?? LabChartsTelemetry.CurrentTraceParent }, count), cancellationToken);

    private sealed class Delivery(InProcessJobQueue queue, JobMessage message, int count) : JobDelivery(message, count)
    {
        public override ValueTask AckAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public override ValueTask RetryAsync(CancellationToken cancellationToken) =>
            queue.Enqueue(Message, DeliveryCount + 1, cancellationToken);
    }
}

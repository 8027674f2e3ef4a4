using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>What every queue adapter must do; run against the in-process queue and a real RabbitMQ.</summary>
public abstract class JobQueueContract : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<JobLane, IAsyncEnumerator<JobDelivery>> _deliveries = [];

    protected abstract IJobQueue Queue { get; }

    protected abstract IJobDeliverySource Source { get; }

    private static JobMessage Message(JobLane lane = JobLane.Interactive) => new(Guid.NewGuid().ToString("N"), "utest", lane);

    protected async Task<JobDelivery> NextAsync(JobLane lane = JobLane.Interactive)
    {
        if (!_deliveries.TryGetValue(lane, out var deliveries))
        {
            deliveries = _deliveries[lane] = Source.ReadAllAsync(lane, 2, _stop.Token).GetAsyncEnumerator(_stop.Token);
        }
        var next = deliveries.MoveNextAsync().AsTask();
        Assert.True(await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(10))) == next, "no delivery within 10 s");
        Assert.True(await next);
        return deliveries.Current;
    }

    [Fact]
    public async Task Publish_ThenRead_DeliversTheMessageOnce()
    {
        var message = Message();
        await Queue.PublishAsync(message, TestContext.Current.CancellationToken);

        var delivery = await NextAsync();

        Assert.Equal(message, Ids(delivery.Message));
        Assert.Equal(1, delivery.DeliveryCount);
        await delivery.AckAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Retry_RedeliversWithAHigherCount()
    {
        var message = Message();
        await Queue.PublishAsync(message, TestContext.Current.CancellationToken);

        var first = await NextAsync();
        await first.RetryAsync(TestContext.Current.CancellationToken);
        var second = await NextAsync();

        Assert.Equal(message, Ids(second.Message));
        Assert.Equal(2, second.DeliveryCount);
        await second.AckAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Read_EachLane_GetsOnlyItsOwnMessages()
    {
        var ct = TestContext.Current.CancellationToken;
        var batch = Message(JobLane.Batch);
        var interactive = Message(JobLane.Interactive);
        await Queue.PublishAsync(batch, ct);
        await Queue.PublishAsync(interactive, ct);
        await WarmUpAsync();

        var fromInteractive = await NextAsync(JobLane.Interactive);
        var fromBatch = await NextAsync(JobLane.Batch);

        Assert.Equal(interactive, Ids(fromInteractive.Message));
        Assert.Equal(batch, Ids(fromBatch.Message));
        await fromInteractive.AckAsync(ct);
        await fromBatch.AckAsync(ct);
    }

    [Fact]
    public async Task Publish_InsideASpan_TheDeliveryCarriesItsTraceContext()
    {
        var message = Message();
        using (var span = new System.Diagnostics.Activity("submit").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start())
        {
            await Queue.PublishAsync(message, TestContext.Current.CancellationToken);
            var delivery = await NextAsync();
            Assert.True(System.Diagnostics.ActivityContext.TryParse(delivery.Message.TraceParent, null, out var carried), $"traceparent '{delivery.Message.TraceParent}'");
            Assert.Equal(span.TraceId, carried.TraceId);
            await delivery.AckAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The message without its trace context (which depends on the span it was published in).</summary>
    private static JobMessage Ids(JobMessage message) => message with { TraceParent = null };

    /// <summary>Lets a broker's prefetch fill the local buffers before the first read.</summary>
    protected virtual Task WarmUpAsync() => Task.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var deliveries in _deliveries.Values)
        {
            try
            {
                await deliveries.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}

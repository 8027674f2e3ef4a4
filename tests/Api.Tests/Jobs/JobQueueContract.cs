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

        Assert.Equal(message, delivery.Message);
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

        Assert.Equal(message, second.Message);
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

        Assert.Equal(interactive, fromInteractive.Message);
        Assert.Equal(batch, fromBatch.Message);
        await fromInteractive.AckAsync(ct);
        await fromBatch.AckAsync(ct);
    }

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

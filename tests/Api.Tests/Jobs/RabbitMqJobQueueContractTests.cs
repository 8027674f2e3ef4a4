using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.RabbitMq;
using LabCharts.Jobs.Records;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>The queue contract against a real RabbitMQ node (started by test.sh), with queues of its own.</summary>
public sealed class RabbitMqJobQueueContractTests : JobQueueContract
{
    private readonly RabbitMqOptions _options;
    private readonly Lazy<RabbitMqConnection> _connection;
    private readonly Lazy<RabbitMqJobPublisher> _publisher;
    private readonly Lazy<RabbitMqDeliverySource> _source;

    public RabbitMqJobQueueContractTests()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _options = new RabbitMqOptions
        {
            Uri = "amqp://unset/",
            InteractiveQueue = $"test.jobs.{suffix}",
            BatchQueue = $"test.batch.{suffix}",
            DeadLetterQueue = $"test.dead.{suffix}",
            DeadLetterExchange = $"test.dead.{suffix}",
            EventsExchange = $"test.events.{suffix}",
            DeliveryLimit = 3,
        };
        _connection = new(() =>
        {
            _options.Uri = TestServices.RabbitMqUri;
            return new RabbitMqConnection(Options.Create(_options), NullLogger<RabbitMqConnection>.Instance);
        });
        _publisher = new(() => new RabbitMqJobPublisher(_connection.Value));
        _source = new(() => new RabbitMqDeliverySource(_connection.Value, NullLogger<RabbitMqDeliverySource>.Instance));
    }

    protected override IJobQueue Queue => _publisher.Value;

    protected override IJobDeliverySource Source => _source.Value;

    protected override Task WarmUpAsync() => Task.Delay(500);

    [Fact]
    public async Task Nack_BeyondDeliveryLimit_DeadLetters()
    {
        var ct = TestContext.Current.CancellationToken;
        var message = new JobMessage(Guid.NewGuid().ToString("N"), "utest");
        await Queue.PublishAsync(message, ct);

        // x-delivery-limit 3: the broker dead-letters on the fourth return.
        for (var i = 1; i <= 4; i++)
        {
            var delivery = await NextAsync();
            Assert.Equal(i, delivery.DeliveryCount);
            await delivery.RetryAsync(ct);
        }

        var connection = await _connection.Value.GetAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        BasicGetResult? dead = null;
        for (var i = 0; i < 50 && dead is null; i++)
        {
            dead = await channel.BasicGetAsync(_options.DeadLetterQueue, autoAck: true, ct);
            await Task.Delay(100, ct);
        }
        Assert.NotNull(dead);
        Assert.Equal(message.JobId, dead.BasicProperties.MessageId);
    }

    [Fact]
    public async Task Publish_BrokerUnreachable_ThrowsQueueUnavailableQuickly()
    {
        _ = TestServices.RabbitMqUri;
        var options = new RabbitMqOptions { Uri = "amqp://guest:guest@127.0.0.1:1/", PublishTimeout = TimeSpan.FromSeconds(2) };
        await using var connection = new RabbitMqConnection(Options.Create(options), NullLogger<RabbitMqConnection>.Instance);
        await using var publisher = new RabbitMqJobPublisher(connection);
        var started = DateTime.UtcNow;

        await Assert.ThrowsAsync<QueueUnavailableException>(async () =>
            await publisher.PublishAsync(new JobMessage("x", "utest"), TestContext.Current.CancellationToken));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connection.IsValueCreated)
        {
            try
            {
                var connection = await _connection.Value.GetAsync(CancellationToken.None);
                await using var channel = await connection.CreateChannelAsync();
                foreach (var queue in new[] { _options.InteractiveQueue, _options.BatchQueue, _options.DeadLetterQueue })
                {
                    await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
                }
                await channel.ExchangeDeleteAsync(_options.DeadLetterExchange, ifUnused: false);
            }
            finally
            {
                if (_publisher.IsValueCreated)
                {
                    await _publisher.Value.DisposeAsync();
                }
                await _connection.Value.DisposeAsync();
            }
        }
    }
}

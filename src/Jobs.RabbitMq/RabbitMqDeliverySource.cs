using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using LabCharts.Jobs;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>
/// Consumes one lane's queue on a channel of its own with manual acks and a prefetch of
/// <c>maxUnsettled</c>, so the consumer decides how much of its capacity each lane may use (the
/// worker keeps batch jobs to a share of its slots). Unsettled deliveries go back to the queue when
/// the channel closes (crash, SIGTERM, broker restart) and come again, counted by the quorum
/// queue's <c>x-delivery-count</c>.
/// </summary>
public sealed class RabbitMqDeliverySource(
    RabbitMqConnection connection,
    ILogger<RabbitMqDeliverySource> logger) : IJobDeliverySource
{
    /// <inheritdoc />
    public async IAsyncEnumerable<JobDelivery> ReadAllAsync(JobLane lane, int maxUnsettled,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = Channel.CreateUnbounded<JobDelivery>();
        var channel = await ConnectWithRetryAsync(connection.QueueOf(lane), buffer, maxUnsettled, cancellationToken);
        try
        {
            await foreach (var delivery in buffer.Reader.ReadAllAsync(cancellationToken))
            {
                yield return delivery;
            }
        }
        finally
        {
            // Buffered deliveries not yet started return to the queue when the channel closes.
            await channel.DisposeAsync();
        }
    }

    private async Task<IChannel> ConnectWithRetryAsync(string queue, Channel<JobDelivery> buffer, int maxUnsettled, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                var connected = await connection.GetAsync(cancellationToken);
                var channel = await connected.CreateChannelAsync(cancellationToken: cancellationToken);
                await channel.BasicQosAsync(0, (ushort)Math.Clamp(maxUnsettled, 1, ushort.MaxValue), global: false, cancellationToken);
                await ConsumeAsync(channel, queue, buffer, cancellationToken);
                logger.LogInformation("Consuming {Queue}", queue);
                return channel;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The broker may start after the worker (compose, Cloud Run): keep trying.
                logger.LogWarning("RabbitMQ not reachable ({Message}); retrying in {Delay}", error.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    private async Task ConsumeAsync(IChannel channel, string queue, Channel<JobDelivery> buffer, CancellationToken cancellationToken)
    {
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            JobMessage? message = null;
            try
            {
                message = JsonSerializer.Deserialize(delivery.Body.Span, LabChartsJson.Default.JobMessage);
            }
            catch (JsonException error)
            {
                logger.LogError(error, "Unreadable message on {Queue}; dead-lettering it", queue);
            }
            if (message is null)
            {
                await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
                return;
            }
            message = message with { TraceParent = TraceParentOf(delivery) };
            await buffer.Writer.WriteAsync(new Delivery(channel, delivery.DeliveryTag, message, DeliveryCountOf(delivery), logger), CancellationToken.None);
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
    }

    /// <summary>The publisher's W3C <c>traceparent</c> header (AMQP sends header strings as bytes).</summary>
    private static string? TraceParentOf(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue(RabbitMqJobPublisher.TraceParentHeader, out var value) == true
            ? value switch { byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes), string text => text, _ => null }
            : null;

    /// <summary>Quorum queues count earlier deliveries in <c>x-delivery-count</c>; absent on the first.</summary>
    private static int DeliveryCountOf(BasicDeliverEventArgs delivery)
    {
        var previous = delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var value) == true
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : delivery.Redelivered ? 1 : 0;
        return previous + 1;
    }

    private sealed class Delivery(IChannel channel, ulong tag, JobMessage message, int count, ILogger logger)
        : JobDelivery(message, count)
    {
        public override async ValueTask AckAsync(CancellationToken cancellationToken) =>
            await SettleAsync(() => channel.BasicAckAsync(tag, multiple: false, cancellationToken));

        public override async ValueTask RetryAsync(CancellationToken cancellationToken) =>
            await SettleAsync(() => channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken));

        private async Task SettleAsync(Func<ValueTask> settle)
        {
            try
            {
                await settle();
            }
            catch (Exception error) when (error is RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException
                or RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The channel closed under us: the broker will deliver the message again, and the
                // processor's idempotency makes that harmless.
                logger.LogWarning("Could not settle job {JobId}: {Message}", Message.JobId, error.Message);
            }
        }
    }
}

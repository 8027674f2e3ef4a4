using System.Text.Json;
using LabCharts.Jobs;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Telemetry;
using LabCharts.Jobs.Records;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>
/// Publishes persistent job messages on a channel with publisher confirms: <see cref="PublishAsync"/>
/// returns only once the broker has taken responsibility for the message, and throws
/// <see cref="QueueUnavailableException"/> when it has not (down, recovering, nacked, timed out).
/// </summary>
public sealed class RabbitMqJobPublisher(RabbitMqConnection connection) : IJobQueue, IAsyncDisposable
{
    /// <summary>The message header that carries the submitter's W3C trace context.</summary>
    public const string TraceParentHeader = "traceparent";

    private readonly ReopeningChannel _channel = new(connection,
        new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

    /// <inheritdoc />
    public async ValueTask PublishAsync(JobMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = connection.QueueOf(message.Lane);
        using var span = LabChartsTelemetry.StartPublish(message, queue);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connection.Options.PublishTimeout);
        try
        {
            var channel = await _channel.GetAsync(timeout.Token);
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = "application/json",
                MessageId = message.JobId,
                Type = "labcharts.job",
            };
            // W3C trace context in the headers: the worker's span continues this trace.
            if ((message.TraceParent ?? LabChartsTelemetry.CurrentTraceParent) is { } traceParent)
            {
                properties.Headers = new Dictionary<string, object?> { [TraceParentHeader] = traceParent };
            }
            var body = JsonSerializer.SerializeToUtf8Bytes(message, LabChartsJson.Default.JobMessage);
            await channel.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: true,
                basicProperties: properties, body: body, cancellationToken: timeout.Token);
        }
        catch (Exception error) when (error is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException
            or PublishException or IOException or System.Net.Sockets.SocketException
            || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new QueueUnavailableException($"RabbitMQ did not confirm job {message.JobId}: {error.Message}", error);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}

using System.Text.Json;
using LabCharts.Jobs.Events;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>
/// Job events over RabbitMQ: published to the <c>labcharts.events</c> topic exchange with routing key
/// <c>job.{kind}</c> (transient, unconfirmed: an event is a hint, the record is the truth). A process
/// that subscribes binds one private queue (server-named, exclusive, deleted with its connection) to
/// <c>job.#</c> and hands what arrives to its <see cref="JobEventHub"/>; so any number of API
/// replicas each see every transition. Processes that only publish (workers) bind nothing.
/// </summary>
public sealed class RabbitMqJobEvents(RabbitMqConnection connection, JobEventHub hub, ILogger<RabbitMqJobEvents> logger)
    : IJobEvents, IAsyncDisposable
{
    private readonly ReopeningChannel _publishChannel = new(connection);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _listenLock = new();
    private Task? _listening;
    private IChannel? _listenChannel;

    /// <inheritdoc />
    public async ValueTask PublishAsync(JobEvent jobEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connection.Options.PublishTimeout);
        try
        {
            var channel = await _publishChannel.GetAsync(timeout.Token);
            var body = JsonSerializer.SerializeToUtf8Bytes(jobEvent, LabChartsJson.Default.JobEvent);
            var properties = new BasicProperties { ContentType = "application/json", Type = "labcharts.job-event" };
            await channel.BasicPublishAsync(connection.Options.EventsExchange, RoutingKey(jobEvent.Kind), mandatory: false,
                properties, body, timeout.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Job event {Kind} for {JobId} not published: {Message}", jobEvent.Kind, jobEvent.JobId, error.Message);
        }
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Action<JobEvent> observer)
    {
        var subscription = hub.Subscribe(observer);
        lock (_listenLock)
        {
            _listening ??= Task.Run(() => ListenAsync(_stopping.Token));
        }
        return subscription;
    }

    /// <summary>The routing key of an event kind: <c>job.succeeded</c> …</summary>
    public static string RoutingKey(JobEventKind kind) => kind switch
    {
        JobEventKind.Queued => "job.queued",
        JobEventKind.Running => "job.running",
        JobEventKind.Succeeded => "job.succeeded",
        JobEventKind.Failed => "job.failed",
        _ => "job.rerendered",
    };

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connected = await connection.GetAsync(stoppingToken);
                var channel = await connected.CreateChannelAsync(cancellationToken: stoppingToken);
                _listenChannel = channel;
                var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true,
                    cancellationToken: stoppingToken);
                await channel.QueueBindAsync(queue.QueueName, connection.Options.EventsExchange, "job.#", cancellationToken: stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) =>
                {
                    try
                    {
                        if (JsonSerializer.Deserialize(delivery.Body.Span, LabChartsJson.Default.JobEvent) is { } jobEvent)
                        {
                            hub.Dispatch(jobEvent);
                        }
                    }
                    catch (JsonException error)
                    {
                        logger.LogWarning("Unreadable job event dropped: {Message}", error.Message);
                    }
                    return Task.CompletedTask;
                };
                // Automatic recovery re-declares the server-named queue, its binding and this consumer.
                await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, stoppingToken);
                logger.LogInformation("Observing job events on {Queue}", queue.QueueName);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Job events not reachable ({Message}); retrying in {Delay}", error.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listenChannel is not null)
        {
            await _listenChannel.DisposeAsync();
        }
        await _publishChannel.DisposeAsync();
        _stopping.Dispose();
    }
}

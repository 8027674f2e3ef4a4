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
        JobEventKind.Rerendered => "job.rerendered",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a job event kind"),
    };

    /// <summary>
    /// Binds this process's private queue and consumes it for as long as the process lives. A lost
    /// connection is recovered by the client (queue, binding and consumer included); a subscription
    /// lost otherwise — the channel closed by an error, the queue deleted under it — is made again.
    /// </summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                var connected = await connection.GetAsync(stoppingToken);
                channel = await connected.CreateChannelAsync(cancellationToken: stoppingToken);
                Volatile.Write(ref _listenChannel, channel);
                var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                channel.ChannelShutdownAsync += (_, args) =>
                {
                    // With the connection gone, automatic recovery brings this channel back by itself.
                    if (args.Initiator != ShutdownInitiator.Application && connected.IsOpen)
                    {
                        lost.TrySetResult();
                    }
                    return Task.CompletedTask;
                };
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
                // The broker cancels the consumer when its queue is deleted.
                consumer.UnregisteredAsync += (_, _) =>
                {
                    lost.TrySetResult();
                    return Task.CompletedTask;
                };
                await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, stoppingToken);
                logger.LogInformation("Observing job events on {Queue}", queue.QueueName);
                delay = TimeSpan.FromSeconds(1);

                await lost.Task.WaitAsync(stoppingToken);
                logger.LogWarning("Job events subscription on {Queue} lost; subscribing again", queue.QueueName);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Job events not reachable ({Message}); retrying in {Delay}", error.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
            finally
            {
                if (channel is not null && !stoppingToken.IsCancellationRequested)
                {
                    await channel.DisposeAsync();
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listening is { } listening)
        {
            await listening.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (Volatile.Read(ref _listenChannel) is { } channel)
        {
            await channel.DisposeAsync();
        }
        await _publishChannel.DisposeAsync();
        _stopping.Dispose();
    }
}

using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>
/// One connection per process, opened on first use and kept: the client's automatic recovery
/// reopens it, its channels and its consumers after a broker restart (no process restart needed).
/// Declares the topology (idempotently) whenever it connects.
/// </summary>
public sealed class RabbitMqConnection(IOptions<RabbitMqOptions> options, ILogger<RabbitMqConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>The options in force.</summary>
    public RabbitMqOptions Options => options.Value;

    /// <summary>True while the connection is open (readiness).</summary>
    public bool IsOpen => _connection?.IsOpen == true;

    /// <summary>The connection, opening it first if needed. Throws when the broker cannot be reached.</summary>
    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return _connection;
            }
            var factory = new ConnectionFactory
            {
                Uri = new Uri(options.Value.Uri!),
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
                RequestedHeartbeat = TimeSpan.FromSeconds(15),
                ClientProvidedName = $"labcharts-{AppDomain.CurrentDomain.FriendlyName}",
            };
            var connection = await factory.CreateConnectionAsync(cancellationToken);
            await DeclareTopologyAsync(connection, cancellationToken);
            connection.ConnectionShutdownAsync += (_, args) =>
            {
                logger.LogWarning("RabbitMQ connection lost: {Reason}", args.ReplyText);
                return Task.CompletedTask;
            };
            connection.RecoverySucceededAsync += (_, _) =>
            {
                logger.LogInformation("RabbitMQ connection recovered");
                return Task.CompletedTask;
            };
            _connection = connection;
            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The queue a lane's messages go to.</summary>
    public string QueueOf(JobLane lane) => lane == JobLane.Batch ? options.Value.BatchQueue : options.Value.InteractiveQueue;

    private async Task DeclareTopologyAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(settings.EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(settings.DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(settings.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(settings.DeadLetterQueue, settings.DeadLetterExchange, routingKey: "", cancellationToken: cancellationToken);
        foreach (var queue in new[] { settings.InteractiveQueue, settings.BatchQueue })
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?>
                {
                    ["x-queue-type"] = "quorum",
                    ["x-delivery-limit"] = settings.DeliveryLimit,
                    ["x-dead-letter-exchange"] = settings.DeadLetterExchange,
                },
                cancellationToken: cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.CloseAsync();
            connection.Dispose();
        }
        _gate.Dispose();
    }
}

using LabCharts.Jobs.Queue;
using RabbitMQ.Client.Exceptions;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>The depth of the interactive, batch and dead-letter queues, by passive declares.</summary>
public sealed class RabbitMqQueueDepths(RabbitMqConnection rabbit) : IQueueDepths
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueDepth>> GetAsync(CancellationToken cancellationToken)
    {
        var settings = rabbit.Options;
        try
        {
            var connection = await rabbit.GetAsync(cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var depths = new List<QueueDepth>();
            foreach (var (name, lane) in new[] { (settings.InteractiveQueue, "interactive"), (settings.BatchQueue, "batch"), (settings.DeadLetterQueue, "dead") })
            {
                var queue = await channel.QueueDeclarePassiveAsync(name, cancellationToken);
                depths.Add(new QueueDepth(name, lane, queue.MessageCount, queue.ConsumerCount));
            }
            return depths;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new QueueUnavailableException($"RabbitMQ did not answer: {error.Message}", error);
        }
    }
}

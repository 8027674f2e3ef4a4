using LabCharts.Jobs.Queue;
namespace LabCharts.Jobs.RabbitMq;

/// <summary>
/// <c>Queue:RabbitMq:*</c>. Setting <see cref="Uri"/> switches the queue from in-process to RabbitMQ.
/// </summary>
public sealed class RabbitMqOptions
{
    /// <summary><c>amqp://user:pass@host:5672/vhost</c>.</summary>
    public string? Uri { get; set; }

    /// <summary>Students' submissions.</summary>
    public string InteractiveQueue { get; set; } = "labcharts.jobs";

    /// <summary>Admin batch re-renders, consumed only when no interactive work waits.</summary>
    public string BatchQueue { get; set; } = "labcharts.batch";

    /// <summary>Where messages go after <see cref="DeliveryLimit"/> deliveries.</summary>
    public string DeadLetterQueue { get; set; } = "labcharts.dead";

    /// <summary>
    /// The topic exchange job events are published on (routing key <c>job.{kind}</c>); every process
    /// that observes events binds a private, exclusive queue to it.
    /// </summary>
    public string EventsExchange { get; set; } = "labcharts.events";

    /// <summary>Exchange the quorum queues dead-letter to.</summary>
    public string DeadLetterExchange { get; set; } = "labcharts.dead";

    /// <summary>
    /// The broker's own limit (<c>x-delivery-limit</c>): a backstop above <c>Worker:MaxAttempts</c> for
    /// messages that kill the worker before it can record a failure.
    /// </summary>
    public int DeliveryLimit { get; set; } = 10;

    /// <summary>How long a publish may wait for the broker's confirm before the API answers 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when RabbitMQ is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Uri);
}

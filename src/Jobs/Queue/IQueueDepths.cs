namespace LabCharts.Jobs.Queue;

/// <summary>How many messages wait in each queue now (the admin console's health panel).</summary>
public interface IQueueDepths
{
    /// <summary>Each queue's depth; throws <see cref="QueueUnavailableException"/> when the broker does not answer.</summary>
    Task<IReadOnlyList<QueueDepth>> GetAsync(CancellationToken cancellationToken);
}

/// <summary>One queue: its name, its lane (<c>interactive</c>, <c>batch</c>, <c>dead</c>), messages ready, consumers when known.</summary>
public sealed record QueueDepth(string Name, string Lane, long Messages, long? Consumers);

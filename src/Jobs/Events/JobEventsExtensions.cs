using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Records;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.Events;

/// <summary>Announcing a stored transition, the same way wherever it happens.</summary>
public static class JobEventsExtensions
{
    /// <summary>
    /// Publishes <paramref name="record"/>'s transition. A fault of the events transport is logged and
    /// swallowed: the record is already stored and is the truth, and a lost event must never fail a job.
    /// </summary>
    public static async Task AnnounceAsync(this IJobEvents events, JobRecord record, JobEventKind kind, ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            await events.PublishAsync(
                new JobEvent(record.Id, record.Owner, kind, record.Status, record.UpdatedAt, record.Error?.Code),
                cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "Job event {Kind} for {JobId} was not published", kind, record.Id);
        }
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using LabCharts.Api.Apis;
using LabCharts.Jobs.Events;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Push;

/// <summary>Whether a connection was let in.</summary>
public enum PushAdmission
{
    /// <summary>Registered.</summary>
    Admitted,

    /// <summary>The user already holds <see cref="PushOptions.MaxConnectionsPerUser"/>.</summary>
    TooManyForUser,

    /// <summary>This process already holds <see cref="PushOptions.MaxConnections"/>.</summary>
    TooMany,
}

/// <summary>
/// This process's live connections, by owner, and the fan-out of job events to them. It subscribes to
/// the job-events port, so a job processed by any worker reaches a connection held by any replica.
/// An event for an owner with no connection here costs nothing; otherwise a final event reads the
/// record once (result, fresh artifact URLs) and makes one view per address and language among the
/// owner's connections.
/// Events are handled in several ordered lanes (one job always in the same lane, so its messages
/// keep their order), and queueing to a connection never waits.
/// </summary>
public sealed class PushHub(
    IJobEvents events,
    JobRecordStore records,
    JobViews views,
    IOptions<PushOptions> options,
    ILogger<PushHub> logger) : BackgroundService
{
    private const int Lanes = 8;
    private readonly ConcurrentDictionary<string, ImmutableArray<PushSubscriber>> _byOwner = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>Live connections held now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Registers a connection within the limits.</summary>
    public PushAdmission TryAdd(PushSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var settings = options.Value;
        lock (_gate)
        {
            if (_count >= settings.MaxConnections)
            {
                return PushAdmission.TooMany;
            }
            var mine = _byOwner.GetValueOrDefault(subscriber.Owner, []);
            if (mine.Length >= settings.MaxConnectionsPerUser)
            {
                return PushAdmission.TooManyForUser;
            }
            _byOwner[subscriber.Owner] = mine.Add(subscriber);
            _count++;
            return PushAdmission.Admitted;
        }
    }

    /// <summary>Removes a connection (idempotent).</summary>
    public void Remove(PushSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            if (!_byOwner.TryGetValue(subscriber.Owner, out var mine) || !mine.Contains(subscriber))
            {
                return;
            }
            var rest = mine.Remove(subscriber);
            if (rest.IsEmpty)
            {
                _byOwner.TryRemove(subscriber.Owner, out _);
            }
            else
            {
                _byOwner[subscriber.Owner] = rest;
            }
            _count--;
        }
    }

    /// <summary>
    /// Sends <paramref name="subscriber"/> the current state of each of <paramref name="jobIds"/> (its
    /// owner's jobs only; any other id, like a missing one, is <c>job_not_found</c>).
    /// </summary>
    public async Task SendCurrentAsync(PushSubscriber subscriber, IEnumerable<string> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(jobIds);
        foreach (var id in jobIds.Distinct(StringComparer.Ordinal))
        {
            JobRecord? record = null;
            try
            {
                record = await records.GetAsync(subscriber.Owner, id, cancellationToken);
            }
            catch (StorageUnavailableException)
            {
                subscriber.Send(PushMessages.Error("storage_unavailable",
                    subscriber.View.English ? "Storage is unavailable; try again shortly." : "存储暂不可用，请稍后重试。", id));
                continue;
            }
            if (record is null)
            {
                subscriber.Send(PushMessages.Error("job_not_found", subscriber.View.English ? "No such job." : "任务不存在。", id));
                continue;
            }
            subscriber.Send(PushMessages.Job(views.ToView(record, subscriber.View), null), record.Status, record.UpdatedAt, always: true);
        }
    }

    // An event dropped for a full lane reaches nobody: its owner's connections are told to resync.
    private void Dropped(JobEvent jobEvent)
    {
        logger.LogWarning("Push lane full: {JobId} {Kind} dropped; its owner's connections resync", jobEvent.JobId, jobEvent.Kind);
        foreach (var subscriber in _byOwner.GetValueOrDefault(jobEvent.Owner, []))
        {
            subscriber.Resync();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lanes = Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<JobEvent>(
            new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }, Dropped)).ToArray();
        using var subscription = events.Subscribe(jobEvent =>
        {
            if (_byOwner.ContainsKey(jobEvent.Owner))
            {
                lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(jobEvent.JobId) % Lanes)].Writer.TryWrite(jobEvent);
            }
        });
        await Task.WhenAll(lanes.Select(lane => PumpAsync(lane.Reader, stoppingToken)));
    }

    private async Task PumpAsync(ChannelReader<JobEvent> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var jobEvent in lane.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(jobEvent, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(error, "Push of {JobId} {Kind} failed", jobEvent.JobId, jobEvent.Kind);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(JobEvent jobEvent, CancellationToken cancellationToken)
    {
        var receivers = _byOwner.GetValueOrDefault(jobEvent.Owner, []).Where(s => s.Wants(jobEvent.JobId)).ToList();
        if (receivers.Count == 0)
        {
            return;
        }
        if (jobEvent.Kind is JobEventKind.Queued or JobEventKind.Running)
        {
            var frame = PushMessages.Job(jobEvent);
            receivers.ForEach(s => s.Send(frame, jobEvent.Status, jobEvent.At));
            return;
        }
        // Final and re-rendered: the record has the result and the artifacts (URLs signed per view).
        JobRecord? record;
        try
        {
            record = await records.GetAsync(jobEvent.Owner, jobEvent.JobId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Not read (storage down, a record we cannot parse): the connections learn they missed something.
            logger.LogWarning(error, "Push of {JobId} {Kind}: the record was not read; resync", jobEvent.JobId, jobEvent.Kind);
            receivers.ForEach(s => s.Resync());
            return;
        }
        if (record is null)
        {
            return;
        }
        // One view (signed URLs, messages) per address and language, shared by the connections that have them.
        foreach (var group in receivers.GroupBy(receiver => receiver.View))
        {
            var frame = PushMessages.Job(views.ToView(record, group.Key), jobEvent.Kind);
            foreach (var receiver in group)
            {
                receiver.Send(frame, record.Status, record.UpdatedAt);
            }
        }
    }
}

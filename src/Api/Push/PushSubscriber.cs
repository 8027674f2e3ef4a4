using System.Threading.Channels;
using LabCharts.Jobs.Records;

namespace LabCharts.Api.Push;

/// <summary>
/// One live connection as the push hub sees it: whose jobs it receives, how to make views for it,
/// and its outbox — bounded, so a slow client never holds anyone else up: when it is full the oldest
/// message is dropped and the client is sent <c>resync</c> before the next one.
/// </summary>
public abstract class PushSubscriber
{
    private readonly Channel<PushFrame> _outbox;
    private readonly Dictionary<string, (JobStatus Status, DateTimeOffset UpdatedAt)> _sent = new(StringComparer.Ordinal);
    private int _resync;

    /// <summary>Creates a subscriber with an outbox of <paramref name="queueLimit"/> messages.</summary>
    protected PushSubscriber(string owner, Apis.ViewContext view, int queueLimit)
    {
        Owner = owner;
        View = view;
        _outbox = Channel.CreateBounded<PushFrame>(
            new BoundedChannelOptions(Math.Max(1, queueLimit)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            Dropped);
    }

    /// <summary>The storage owner key whose jobs this connection receives.</summary>
    public string Owner { get; }

    /// <summary>How views are made for this connection (address, language).</summary>
    public Apis.ViewContext View { get; }

    /// <summary>True when this connection wants events of <paramref name="jobId"/> (all of its owner's, unless narrowed).</summary>
    public virtual bool Wants(string jobId) => true;

    /// <summary>
    /// Queues a message; never waits. A job state older than one already sent, or the same state
    /// again, is not sent, unless <paramref name="always"/> (the answer to a client's <c>watch</c>).
    /// </summary>
    public void Send(PushFrame frame, JobStatus? status = null, DateTimeOffset? updatedAt = null, bool always = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.JobId is { } id && status is { } s && updatedAt is { } at)
        {
            lock (_sent)
            {
                if (!always && _sent.TryGetValue(id, out var last) && (last.UpdatedAt > at || (last.UpdatedAt == at && last.Status == s)))
                {
                    return;
                }
                if (_sent.Count >= 1024)
                {
                    _sent.Clear();
                }
                _sent[id] = (s, at);
            }
        }
        _outbox.Writer.TryWrite(frame);
    }

    /// <summary>Tells the client it may have missed something (it sends <c>watch</c> again).</summary>
    public void Resync() => _outbox.Writer.TryWrite(PushMessages.Resync);

    // A dropped job message was not delivered: forget it was sent, so the client's next watch gets it.
    private void Dropped(PushFrame frame)
    {
        Interlocked.Exchange(ref _resync, 1);
        if (frame.JobId is { } id)
        {
            lock (_sent)
            {
                _sent.Remove(id);
            }
        }
    }

    /// <summary>Ends the outbox: the writer finishes what is queued and stops.</summary>
    public void Complete() => _outbox.Writer.TryComplete();

    /// <summary>The messages to write, in order, with <c>resync</c> first after a drop.</summary>
    protected async IAsyncEnumerable<PushFrame> OutboxAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            if (Interlocked.Exchange(ref _resync, 0) == 1)
            {
                yield return PushMessages.Resync;
            }
            yield return frame;
        }
    }
}

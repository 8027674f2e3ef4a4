using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LabCharts.Jobs.Queue;

/// <summary>The one rule both queues follow: an interactive item waiting always goes before a batch item.</summary>
public static class LanePriority
{
    /// <summary>Items from both readers until cancelled, interactive first whenever one is waiting.</summary>
    public static async IAsyncEnumerable<T> InteractiveFirstAsync<T>(
        ChannelReader<T> interactive, ChannelReader<T> batch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interactive);
        ArgumentNullException.ThrowIfNull(batch);
        while (true)
        {
            if (interactive.TryRead(out var item) || batch.TryRead(out item))
            {
                yield return item;
                continue;
            }
            await Task.WhenAny(
                interactive.WaitToReadAsync(cancellationToken).AsTask(),
                batch.WaitToReadAsync(cancellationToken).AsTask()).WaitAsync(cancellationToken);
        }
    }
}

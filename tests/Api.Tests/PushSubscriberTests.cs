using System.Text;
using LabCharts.Api.Apis;
using LabCharts.Api.Push;
using LabCharts.Jobs.Records;

namespace LabCharts.Api.Tests;

/// <summary>A connection's outbox: never waits, drops the oldest for a slow client and says so, sends no state twice.</summary>
public sealed class PushSubscriberTests
{
    private sealed class Collecting(int limit) : PushSubscriber("u0123456789abcdef0123456789abcdef", new ViewContext("http://test", English: false), limit)
    {
        public async Task<List<string>> DrainAsync()
        {
            Complete();
            var frames = new List<string>();
            await foreach (var frame in OutboxAsync(TestContext.Current.CancellationToken))
            {
                frames.Add(Encoding.UTF8.GetString(frame.Json));
            }
            return frames;
        }
    }

    private static PushFrame Numbered(int i) => new("job", Encoding.UTF8.GetBytes($$"""{"type":"job","n":{{i}}}"""));

    [Fact]
    public async Task SlowClient_OutboxKeepsTheNewest_AndTellsItToResyncFirst()
    {
        var subscriber = new Collecting(limit: 8);
        var sending = Task.Run(() =>
        {
            for (var i = 1; i <= 100; i++)
            {
                subscriber.Send(Numbered(i)); // nobody reads: this must never wait
            }
        }, TestContext.Current.CancellationToken);
        await sending.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var frames = await subscriber.DrainAsync();

        Assert.Equal(9, frames.Count);
        Assert.Equal("""{"type":"resync"}""", frames[0]);
        Assert.Equal([.. Enumerable.Range(93, 8).Select(i => $$"""{"type":"job","n":{{i}}}""")], frames.Skip(1));
    }

    [Fact]
    public async Task SameJobState_IsNotSentTwice_ANewerOneIs()
    {
        var subscriber = new Collecting(limit: 64);
        var at = DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var job = new PushFrame("job", "{}"u8.ToArray(), "01a2000000000000000000000000");

        subscriber.Send(job, JobStatus.Running, at);
        subscriber.Send(job, JobStatus.Running, at);            // the watch answer crossing the event
        subscriber.Send(job, JobStatus.Succeeded, at.AddSeconds(1));
        subscriber.Send(job, JobStatus.Succeeded, at.AddSeconds(1));
        subscriber.Send(job, JobStatus.Succeeded, at.AddSeconds(5)); // re-rendered later

        Assert.Equal(3, (await subscriber.DrainAsync()).Count);
    }

    [Fact]
    public async Task AJobStateDroppedForASlowClient_IsSentAgain_WhenItComesAgain()
    {
        var subscriber = new Collecting(limit: 2);
        var at = DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var final = new PushFrame("job", """{"type":"job","id":"a","status":"succeeded"}"""u8.ToArray(), "01a2000000000000000000000000", Final: true);

        subscriber.Send(final, JobStatus.Succeeded, at);
        subscriber.Send(Numbered(1));
        subscriber.Send(Numbered(2)); // drops the final state
        subscriber.Send(final, JobStatus.Succeeded, at); // the same state, from the client's watch after resync

        var frames = await subscriber.DrainAsync();
        Assert.Equal("""{"type":"resync"}""", frames[0]);
        Assert.Contains(frames, f => f.Contains("succeeded", StringComparison.Ordinal));
    }
}

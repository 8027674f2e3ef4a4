using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace LabCharts.Integration.Tests;

/// <summary>
/// Issue 8: job events over RabbitMQ reach every API replica, and an API without an embedded worker
/// never loads the native chart libraries. API replicas and the worker are separate processes.
/// </summary>
public sealed class JobEventsTests(ITestOutputHelper output)
{
    // The hub logs every event it dispatches to this process's subscribers at Debug.
    private static readonly Dictionary<string, string> EventLogging = new()
    {
        ["Logging__LogLevel__LabCharts.Jobs.Events.JobEventHub"] = "Debug",
        ["Logging__LogLevel__LabCharts.Jobs.RabbitMq.RabbitMqJobEvents"] = "Information",
    };

    [Fact]
    public async Task TwoApiReplicas_BothObserveEveryTransitionOfAJobAWorkerProcesses()
    {
        await using var deployment = await Deployment.CreateAsync(EventLogging);
        await deployment.StartApiAsync();
        var (replica, replicaClient) = await deployment.StartApiReplicaAsync();
        using var _ = replicaClient;
        var first = deployment.ApiProcesses[0];
        deployment.StartWorker();

        // Submitted through the first replica, processed by the worker.
        using var response = await deployment.Client.PostAsync("/api/jobs", Deployment.Json(Deployment.SmallJob(1)),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = accepted.RootElement.GetProperty("id").GetString()!;
        var statuses = await deployment.WaitAllFinalAsync([id], TimeSpan.FromSeconds(60));
        Assert.Equal("succeeded", statuses[id]);

        string[] transitions = [$"Job event {id} Queued", $"Job event {id} Running", $"Job event {id} Succeeded"];
        foreach (var (name, process) in new[] { ("first", first), ("second", replica) })
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!transitions.All(process.Output.Contains) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
            output.WriteLine($"{name} replica:\n{string.Join('\n', process.Output.Split('\n').Where(line => line.Contains(id, StringComparison.Ordinal)))}");
            foreach (var transition in transitions)
            {
                Assert.True(process.Output.Contains(transition, StringComparison.Ordinal), $"the {name} replica did not observe '{transition}'");
            }
        }
    }

    [Fact]
    public async Task Wait_JobProcessedByAWorkerProcess_AnswersTheFinishedJob()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        deployment.StartWorker();

        using var response = await deployment.Client.PostAsync("/api/jobs?wait=10", Deployment.Json(Deployment.SmallJob(2)),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ApiWithoutEmbeddedWorker_ServingJobs_NeverLoadsCairoOrPango()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        var worker = deployment.StartWorker();
        var api = deployment.ApiProcesses[0];

        // Serve every kind of request: submit with and without wait, read, list, catalogue, chart URL.
        using (var waited = await deployment.Client.PostAsync("/api/jobs?wait=10", Deployment.Json(Deployment.SmallJob(3)),
            TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
            using var job = JsonDocument.Parse(await waited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var id = job.RootElement.GetProperty("id").GetString()!;
            using var read = await deployment.Client.GetAsync($"/api/jobs/{id}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
        using (var list = await deployment.Client.GetAsync("/api/jobs", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        using (var catalogue = await deployment.Client.GetAsync("/api/experiments", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
        }

        var apiLibraries = NativeLibraries(api.Id);
        var workerLibraries = NativeLibraries(worker.Id);
        output.WriteLine($"API: {apiLibraries.Count} shared objects; worker: {workerLibraries.Count}");
        // The check can see the libraries where they are loaded: the worker rendered a chart.
        Assert.Contains(workerLibraries, library => library.Contains("libcairo", StringComparison.Ordinal));
        Assert.Contains(workerLibraries, library => library.Contains("libpango", StringComparison.Ordinal));
        Assert.DoesNotContain(apiLibraries, library => library.Contains("libcairo", StringComparison.Ordinal)
            || library.Contains("libpango", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventsQueueDeletedUnderTheApi_ApiSubscribesAgain_AndStillObservesJobs()
    {
        await using var deployment = await Deployment.CreateAsync(EventLogging);
        await deployment.StartApiAsync();
        deployment.StartWorker();
        var api = deployment.ApiProcesses[0];
        var queue = await WaitForAsync(() => QueuesObserved(api).FirstOrDefault(), "the API to bind its events queue");

        // An operator (or a policy) deletes the API's private queue: the broker cancels its consumer.
        using (var delete = Process.Start(new ProcessStartInfo(TestServices.RabbitMqCtl, ["-q", "delete_queue", queue])
            { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await delete.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(delete.ExitCode == 0, $"rabbitmqctl delete_queue: {await delete.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
        }
        var again = await WaitForAsync(() => QueuesObserved(api).FirstOrDefault(name => name != queue), "the API to bind a new events queue");
        output.WriteLine($"events queue {queue} deleted; the API now observes {again}");

        using var response = await deployment.Client.PostAsync("/api/jobs", Deployment.Json(Deployment.SmallJob(4)),
            TestContext.Current.CancellationToken);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = accepted.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("succeeded", (await deployment.WaitAllFinalAsync([id], TimeSpan.FromSeconds(60)))[id]);
        await WaitForAsync(() => api.Output.Contains($"Job event {id} Succeeded", StringComparison.Ordinal) ? "seen" : null,
            "the API to observe the job's final event");
    }

    private static IEnumerable<string> QueuesObserved(HostProcess process) =>
        process.LogMessages
            .Where(message => message.StartsWith("Observing job events on ", StringComparison.Ordinal))
            .Select(message => message["Observing job events on ".Length..].Trim());

    private static async Task<string> WaitForAsync(Func<string?> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"timed out waiting for {what}");
    }

    /// <summary>The file names of the shared objects mapped into a process (<c>/proc/{pid}/maps</c>).</summary>
    private static HashSet<string> NativeLibraries(int pid) =>
        [.. File.ReadAllLines($"/proc/{pid}/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[5].Contains(".so", StringComparison.Ordinal))
            .Select(fields => Path.GetFileName(fields[5]))];
}

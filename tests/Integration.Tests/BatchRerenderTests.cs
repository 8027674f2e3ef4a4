using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LabCharts.Integration.Tests;

/// <summary>
/// Issue 9 with separate processes over real RabbitMQ and S3: two API replicas and two workers
/// re-render one experiment's jobs of several owners exactly once, with exact counts, and a
/// cancelled batch stops publishing.
/// </summary>
public sealed class BatchRerenderTests(ITestOutputHelper output)
{
    private const string Token = "it-admin-token";

    private const string Pendulum = """
        {
          "experiment": "pendulum", "title": "单摆",
          "data": {
            "L": { "values": [0.50, 0.60, 0.70, 0.80, 0.90], "unit": "m", "instrumentError": 0.0005 },
            "T": { "values": [[1.419, 1.421, 1.418], [1.553, 1.556, 1.554], [1.679, 1.677, 1.680],
                              [1.794, 1.796, 1.793], [1.903, 1.905, 1.902]], "unit": "s" }
          },
          "render": { "formats": ["png"], "width": 600, "height": 400 }
        }
        """;

    private static async Task<string> SubmitAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/api/jobs", Deployment.Json(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return accepted.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path, TestContext.Current.CancellationToken)).RootElement;

    private static async Task<JsonElement> UntilBatchFinishedAsync(HttpClient admin, string batchId)
    {
        for (var i = 0; i < 600; i++)
        {
            var batch = await GetJsonAsync(admin, $"/api/admin/batches/{batchId}");
            if (batch.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return batch;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"batch {batchId} did not finish");
    }

    [Fact]
    public async Task TwoApisTwoWorkers_RerenderOneExperiment_EachJobOnce_CountsExact_CancelStopsPublishing()
    {
        // 1 per second: the cancel below has 12 s to land before the 12 jobs of its batch are all published
        // (under CI load, with other multi-process tests beside it, 6 s was once not enough).
        await using var deployment = await Deployment.CreateAsync(new Dictionary<string, string>
        {
            ["Admin__Token"] = Token,
            ["Batches__PublishRate"] = "1",
        });
        await deployment.StartApiAsync();
        var (_, replica) = await deployment.StartApiReplicaAsync();
        using var _ = replica;
        deployment.StartWorker();
        deployment.StartWorker();
        using var otherOwner = new HttpClient { BaseAddress = deployment.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        otherOwner.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
        otherOwner.DefaultRequestHeaders.Add("X-WX-OPENID", "it-other-owner");
        using var adminA = new HttpClient { BaseAddress = deployment.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        adminA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var adminB = new HttpClient { BaseAddress = replica.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        adminB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var owners = new[] { deployment.Client, otherOwner };
        var pendulums = new Dictionary<string, HttpClient>();
        var customs = new Dictionary<string, HttpClient>();
        foreach (var owner in owners)
        {
            for (var i = 0; i < 3; i++)
            {
                pendulums[await SubmitAsync(owner, Pendulum)] = owner;
            }
            for (var i = 0; i < 6; i++)
            {
                customs[await SubmitAsync(owner, Deployment.SmallJob(i))] = owner;
            }
        }
        foreach (var (id, owner) in pendulums.Concat(customs))
        {
            for (var i = 0; i < 600 && (await GetJsonAsync(owner, $"/api/jobs/{id}")).GetProperty("status").GetString() != "succeeded"; i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        // Started on one replica, watched on the other.
        using var started = await adminB.PostAsync("/api/admin/rerender",
            new StringContent("""{"experiments": ["pendulum"]}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var accepted = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(6, accepted.RootElement.GetProperty("total").GetInt32());
        var batch = await UntilBatchFinishedAsync(adminA, accepted.RootElement.GetProperty("batchId").GetString()!);
        output.WriteLine(batch.ToString());

        Assert.Equal("succeeded", batch.GetProperty("state").GetString());
        Assert.Equal(6, batch.GetProperty("published").GetInt32());
        Assert.Equal(6, batch.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, batch.GetProperty("failed").GetInt32() + batch.GetProperty("skipped").GetInt32());
        foreach (var (id, owner) in pendulums)
        {
            // Rendered once, re-rendered once: version 2 (a second re-render would make it 3).
            Assert.Equal(2, (await GetJsonAsync(owner, $"/api/jobs/{id}")).GetProperty("renderVersion").GetInt32());
        }
        foreach (var (id, owner) in customs)
        {
            Assert.Equal(1, (await GetJsonAsync(owner, $"/api/jobs/{id}")).GetProperty("renderVersion").GetInt32());
        }

        // 12 jobs at 1 per second: cancelled at once, the batch stops well short of them.
        using var slow = await adminA.PostAsync("/api/admin/rerender",
            new StringContent("""{"experiments": ["custom"]}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var slowAccepted = JsonDocument.Parse(await slow.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var slowId = slowAccepted.RootElement.GetProperty("batchId").GetString()!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cancel = await adminB.PostAsync($"/api/admin/batches/{slowId}/cancel", null, TestContext.Current.CancellationToken);
        var cancelText = await cancel.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(cancel.StatusCode == HttpStatusCode.OK,
            $"cancel: {(int)cancel.StatusCode} {cancelText} after {clock.Elapsed.TotalSeconds:F1} s; started: {slowAccepted.RootElement}; now: {await GetJsonAsync(adminA, $"/api/admin/batches/{slowId}")}");
        await Task.Delay(3000, TestContext.Current.CancellationToken);
        var cancelled = await GetJsonAsync(adminA, $"/api/admin/batches/{slowId}");
        output.WriteLine(cancelled.ToString());
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.True(cancelled.GetProperty("published").GetInt32() < 12, "publishing went on after the cancel");
        var rerendered = 0;
        foreach (var (id, owner) in customs)
        {
            rerendered += (await GetJsonAsync(owner, $"/api/jobs/{id}")).GetProperty("renderVersion").GetInt32() - 1;
        }
        Assert.True(rerendered <= cancelled.GetProperty("published").GetInt32());
    }

    [Fact]
    public async Task RerenderCommand_FromTheShell_DryRunCounts_ThenReRendersWithPlainProgressLines()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        deployment.StartWorker();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitAsync(deployment.Client, Deployment.SmallJob(i)));
        }
        await SubmitAsync(deployment.Client, Pendulum);
        await deployment.WaitAllFinalAsync(ids, TimeSpan.FromSeconds(60));

        var dry = deployment.RunWorkerCommand("rerender", "--experiment", "custom", "--dry-run");
        await dry.WaitForExitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(dry.Output);
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("3 jobs match", dry.Output, StringComparison.Ordinal);

        var run = deployment.RunWorkerCommand("rerender", "--experiment", "custom");
        await run.WaitForExitAsync(TimeSpan.FromSeconds(120));
        output.WriteLine(run.Output);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("succeeded: 3 re-rendered, 0 failed, 0 skipped", run.Output, StringComparison.Ordinal);
        // Output is not a terminal here: plain progress lines, no carriage-return bar.
        Assert.DoesNotContain("\r", run.Output, StringComparison.Ordinal);
        Assert.Contains("3/3 done", run.Output, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            Assert.Equal(2, (await GetJsonAsync(deployment.Client, $"/api/jobs/{id}")).GetProperty("renderVersion").GetInt32());
        }

        var bad = deployment.RunWorkerCommand("rerender", "--experiment", "perpetuum");
        await bad.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown_experiment", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiThatPublishesABatchIsKilled_TheOtherApiTakesOver_EveryJobReRenderedOnce()
    {
        await using var deployment = await Deployment.CreateAsync(new Dictionary<string, string>
        {
            ["Admin__Token"] = Token,
            ["Batches__PublishRate"] = "3",
        });
        await deployment.StartApiAsync();
        var (_, replica) = await deployment.StartApiReplicaAsync();
        using var _ = replica;
        deployment.StartWorker();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await SubmitAsync(deployment.Client, Deployment.SmallJob(i)));
        }
        await deployment.WaitAllFinalAsync(ids, TimeSpan.FromSeconds(90));
        using var adminA = new HttpClient { BaseAddress = deployment.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        adminA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var adminB = new HttpClient { BaseAddress = replica.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        adminB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var started = await adminA.PostAsync("/api/admin/rerender", new StringContent("{}", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        using var accepted = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var batchId = accepted.RootElement.GetProperty("batchId").GetString()!;
        // 12 jobs at 3 per second: kill the publishing API once a few are out (about a third of the way in),
        // watched on the other replica rather than timed, since the scan before publishing takes a while under load.
        for (var i = 0; i < 300 && (await GetJsonAsync(adminB, $"/api/admin/batches/{batchId}")).GetProperty("published").GetInt32() < 3; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        deployment.ApiProcesses[0].KillHard();
        var atKill = await GetJsonAsync(adminB, $"/api/admin/batches/{batchId}");
        output.WriteLine($"at the kill: {atKill}");

        var batch = await UntilBatchFinishedAsync(adminB, batchId);
        output.WriteLine($"finished: {batch}");
        Assert.True(atKill.GetProperty("published").GetInt32() < 12, "the batch was fully published before the kill; the test proves nothing");
        Assert.Equal("succeeded", batch.GetProperty("state").GetString());
        Assert.Equal(12, batch.GetProperty("published").GetInt32());
        // Jobs published twice around the takeover are counted once.
        Assert.Equal(12, batch.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, batch.GetProperty("failed").GetInt32() + batch.GetProperty("skipped").GetInt32());
        using var owner = new HttpClient { BaseAddress = replica.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var header in deployment.Client.DefaultRequestHeaders)
        {
            owner.DefaultRequestHeaders.Add(header.Key, header.Value);
        }
        foreach (var id in ids)
        {
            Assert.Equal(2, (await GetJsonAsync(owner, $"/api/jobs/{id}")).GetProperty("renderVersion").GetInt32());
        }
    }
    [Fact]
    public async Task WorkerKilledMidBatch_AnotherWorkerFinishesIt_EachJobReRenderedOnce_CountsExact()
    {
        // Published at 10 a second: the batch is still going when the worker dies.
        await using var deployment = await Deployment.CreateAsync(new Dictionary<string, string> { ["Admin__Token"] = Token, ["Batches__PublishRate"] = "10" });
        await deployment.StartApiAsync();
        var first = deployment.StartWorker(new Dictionary<string, string> { ["Worker__Concurrency"] = "2" });
        using var admin = new HttpClient { BaseAddress = deployment.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await SubmitAsync(deployment.Client, Deployment.SmallJob(i)));
        }
        Assert.All(await deployment.WaitAllFinalAsync(ids, TimeSpan.FromMinutes(2)), s => Assert.Equal("succeeded", s.Value));

        using var started = await admin.PostAsync("/api/admin/rerender", new StringContent("""{"experiments": ["custom"]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var batchId = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("batchId").GetString()!;
        // kill -9 once the batch is under way, with jobs in the worker's hands.
        for (var i = 0; i < 600 && (await GetJsonAsync(admin, $"/api/admin/batches/{batchId}")).GetProperty("succeeded").GetInt32() < 5; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        first.KillHard();
        var doneAtKill = (await GetJsonAsync(admin, $"/api/admin/batches/{batchId}")).GetProperty("succeeded").GetInt32();
        deployment.StartWorker();

        var batch = await UntilBatchFinishedAsync(admin, batchId);
        output.WriteLine($"worker killed with {doneAtKill}/40 re-rendered; batch {batch.GetProperty("state").GetString()}: {batch.GetProperty("succeeded").GetInt32()} succeeded, {batch.GetProperty("failed").GetInt32()} failed");
        Assert.InRange(doneAtKill, 1, 39);
        Assert.Equal("succeeded", batch.GetProperty("state").GetString());
        Assert.Equal(40, batch.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, batch.GetProperty("failed").GetInt32());
        foreach (var id in ids)
        {
            Assert.Equal(2, (await GetJsonAsync(deployment.Client, $"/api/jobs/{id}")).GetProperty("renderVersion").GetInt32());
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace LabCharts.Integration.Tests;

/// <summary>
/// Issue 3's acceptance points, with the API and workers as separate processes over real RabbitMQ
/// and S3: nothing accepted with 202 is lost, whatever happens to a worker or the broker.
/// </summary>
public sealed partial class FaultTests(ITestOutputHelper output)
{
    private static async Task<List<string>> SubmitAsync(Deployment deployment, int count, int parallelism,
        ConcurrentBag<HttpStatusCode>? refused = null, Action<int>? onSubmitted = null)
    {
        var ids = new ConcurrentBag<string>();
        var submitted = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            using var response = await deployment.Client.PostAsync("/api/jobs", Deployment.Json(Deployment.SmallJob(i)), ct);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                ids.Add(body.RootElement.GetProperty("id").GetString()!);
            }
            else
            {
                refused?.Add(response.StatusCode);
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable,
                    $"only 202 or 503 may answer a submission, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
            }
            onSubmitted?.Invoke(Interlocked.Increment(ref submitted));
        });
        return [.. ids];
    }

    private static async Task AssertOneRecordAndDownloadableChartEachAsync(Deployment deployment, IReadOnlyCollection<string> ids)
    {
        var keys = await deployment.KeysAsync(deployment.OwnerPrefix);
        var byJob = keys.GroupBy(k => k.Split('/')[2]).ToDictionary(g => g.Key, g => g.Select(k => k.Split('/')[3]).Order(StringComparer.Ordinal).ToList());
        foreach (var id in ids)
        {
            Assert.Equal(["chart.png", "record.json", "request.json"], byJob[id]);
        }

        using var http = new HttpClient();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            using var job = JsonDocument.Parse(await deployment.Client.GetStringAsync($"/api/jobs/{id}", ct));
            var url = job.RootElement.GetProperty("artifacts")[0].GetProperty("url").GetString()!;
            var png = await http.GetByteArrayAsync(url, ct);
            Assert.True(png.AsSpan(0, 8).SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), $"{id}: not a PNG");
        });
    }

    [Fact]
    public async Task WorkerKilledWith500JobsInFlight_AllSucceedAfterRestart()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        var first = deployment.StartWorker();
        var clock = Stopwatch.StartNew();

        var ids = await SubmitAsync(deployment, 500, parallelism: 8);
        Assert.Equal(500, ids.Count);

        // Let the first worker get going, then kill it mid-stream.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await deployment.StatusesAsync()).Values.Count(s => s == "succeeded") < 50 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        first.KillHard();
        var doneAtKill = (await deployment.StatusesAsync()).Values.Count(s => s == "succeeded");
        output.WriteLine($"killed the worker with {doneAtKill}/500 done after {clock.Elapsed.TotalSeconds:F1} s");

        deployment.StartWorker();
        var statuses = await deployment.WaitAllFinalAsync(ids, TimeSpan.FromMinutes(5));
        output.WriteLine($"all final after {clock.Elapsed.TotalSeconds:F1} s");

        var notSucceeded = ids.Where(id => statuses.GetValueOrDefault(id) != "succeeded").ToList();
        Assert.True(notSucceeded.Count == 0, $"{notSucceeded.Count} jobs not succeeded\n{deployment.Logs}");
        Assert.InRange(doneAtKill, 1, 499);
        await AssertOneRecordAndDownloadableChartEachAsync(deployment, ids);
    }

    [Fact]
    public async Task BrokerRestartedDuring1000Submissions_Every202Succeeds_OutageIs503()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        deployment.StartWorker();
        var refused = new ConcurrentBag<HttpStatusCode>();
        Task? restart = null;

        var ids = await SubmitAsync(deployment, 1000, parallelism: 8, refused, submitted =>
        {
            if (submitted == 200)
            {
                restart = Task.Run(async () =>
                {
                    await Rabbitmqctl("stop_app");
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    await Rabbitmqctl("start_app");
                });
            }
        });
        Assert.NotNull(restart);
        await restart;
        output.WriteLine($"{ids.Count} accepted (202), {refused.Count} refused (503)");

        var statuses = await deployment.WaitAllFinalAsync(ids, TimeSpan.FromMinutes(5));
        var notSucceeded = ids.Where(id => statuses.GetValueOrDefault(id) != "succeeded").ToList();
        Assert.True(notSucceeded.Count == 0, $"{notSucceeded.Count} accepted jobs not succeeded\n{deployment.Logs}");
        Assert.Equal(1000, ids.Count + refused.Count);
        Assert.NotEmpty(refused);
        Assert.All(refused, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
    }

    [Fact]
    public async Task JobFailingOnEveryAttempt_EndsFailedWithCode_OthersFlow()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        var poison = (await SubmitAsync(deployment, 1, 1)).Single();
        // Its stored request vanishes before any worker runs: every attempt fails.
        await deployment.Store.DeleteAsync(LabCharts.Jobs.Storage.StorageKey.Parse($"{deployment.OwnerPrefix}{poison}/request.json"), CancellationToken.None);
        var others = await SubmitAsync(deployment, 20, 4);

        deployment.StartWorker(new Dictionary<string, string> { ["Worker__MaxAttempts"] = "3" });
        var statuses = await deployment.WaitAllFinalAsync([poison, .. others], TimeSpan.FromMinutes(2));

        Assert.All(others, id => Assert.Equal("succeeded", statuses.GetValueOrDefault(id)));
        using var job = JsonDocument.Parse(await deployment.Client.GetStringAsync($"/api/jobs/{poison}"));
        Assert.Equal("failed", job.RootElement.GetProperty("status").GetString());
        Assert.Equal("processing_failed", job.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(3, job.RootElement.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Sigterm_FinishesJobsInFlightThenExits()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        var ids = await SubmitAsync(deployment, 40, 4);
        var worker = deployment.StartWorker(new Dictionary<string, string> { ["Worker__Concurrency"] = "2" });
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await deployment.StatusesAsync()).Values.All(s => s == "queued") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        worker.Terminate();
        await worker.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(0, worker.ExitCode);
        var statuses = await deployment.StatusesAsync();
        Assert.DoesNotContain("running", statuses.Values);
        deployment.StartWorker();
        var final = await deployment.WaitAllFinalAsync(ids, TimeSpan.FromMinutes(2));
        Assert.All(ids, id => Assert.Equal("succeeded", final.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task Worker_WithPort_AnswersHealthChecks()
    {
        await using var deployment = await Deployment.CreateAsync();
        var port = HostProcess.FreePort();
        var worker = deployment.StartWorker(new Dictionary<string, string> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode? ready = null;
        while (ready != HttpStatusCode.OK && DateTime.UtcNow < deadline && !worker.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/healthz/ready");
                ready = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        Assert.True(ready == HttpStatusCode.OK, $"worker not ready on its port: {ready}\n{worker.Output}");
        using var live = await http.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task Rabbitmqctl(params string[] command)
    {
        using var process = Process.Start(new ProcessStartInfo(TestServices.RabbitMqCtl, ["-q", .. command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {string.Join(' ', command)}: {await process.StandardError.ReadToEndAsync()}");
    }
}

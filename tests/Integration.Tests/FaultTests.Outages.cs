using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace LabCharts.Integration.Tests;

/// <summary>
/// Issue 14's fault scenarios: storage unreachable or slow under load, the broker's memory alarm, and the
/// API killed between storing a job and publishing it. Every 202 job ends succeeded, no request gets a
/// 500, and nothing is half-written.
/// </summary>
public sealed partial class FaultTests
{
    /// <summary>What a timed load saw: the jobs accepted and the refusals (status, code, Retry-After).</summary>
    private sealed record LoadResult(List<string> Accepted, List<(HttpStatusCode Status, string Code, bool RetryAfter)> Refused);

    /// <summary>Submits from <paramref name="parallelism"/> loops until <paramref name="duration"/> has passed; only 202 and 503 may answer.</summary>
    private static async Task<LoadResult> LoadAsync(Deployment deployment, TimeSpan duration, int parallelism)
    {
        var client = deployment.Client;
        var accepted = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<(HttpStatusCode, string, bool)>();
        var clock = Stopwatch.StartNew();
        var seed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, parallelism), async (_, ct) =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await client.PostAsync("/api/jobs", Deployment.Json(Deployment.SmallJob(Interlocked.Increment(ref seed))), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"only 202 or 503 may answer, got {(int)response.StatusCode}: {body}\n{deployment.Logs}");
                    refused.Add((response.StatusCode, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!, response.Headers.RetryAfter is not null));
                    await Task.Delay(200, ct);
                }
                await Task.Delay(50, ct);
            }
        });
        return new LoadResult([.. accepted], [.. refused]);
    }

    /// <summary>Every job folder of the owner is whole: a record that parses, beside its request; no record is left unfinished.</summary>
    private static async Task AssertNothingHalfWrittenAsync(Deployment deployment)
    {
        foreach (var (id, status) in await StoredStatusesAsync(deployment))
        {
            Assert.True(status == "succeeded" || status.StartsWith("failed", StringComparison.Ordinal), $"job {id} is left {status}");
        }
    }

    /// <summary>The status in every stored record of the owner, by job id; each record parses and has its request beside it.</summary>
    private static async Task<Dictionary<string, string>> StoredStatusesAsync(Deployment deployment)
    {
        var statuses = new Dictionary<string, string>();
        var keys = await deployment.KeysAsync(deployment.OwnerPrefix);
        foreach (var job in keys.GroupBy(k => k.Split('/')[2]))
        {
            var files = job.Select(k => k.Split('/')[3]).ToHashSet(StringComparer.Ordinal);
            if (!files.Contains("record.json"))
            {
                continue; // a refused submission (503): its request may be stored, it was never a job
            }
            Assert.Contains("request.json", files);
            var record = await deployment.Store.GetAsync(LabCharts.Jobs.Storage.StorageKey.Parse($"{deployment.OwnerPrefix}{job.Key}/record.json"), CancellationToken.None);
            var root = JsonDocument.Parse(record!.Content).RootElement;
            var code = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? $": {error.GetProperty("code").GetString()}" : "";
            statuses[job.Key] = root.GetProperty("status").GetString()! + code;
        }
        return statuses;
    }

    [Fact]
    public async Task StorageUnreachableFor30sUnderLoad_Refusals503_QueuedJobsFinishAfter()
    {
        await using var proxy = new FaultProxy(new Uri(TestServices.S3Endpoint));
        await using var deployment = await Deployment.CreateAsync(new Dictionary<string, string>
        {
            ["Storage__S3__Endpoint"] = proxy.Url,
            ["Storage__S3__MaxErrorRetry"] = "1",
            // A write the store took but whose answer the cut lost leaves a queued record behind a 503;
            // the submitter makes it final once the store answers, or else the sweeper runs it.
            ["Sweeper__Enabled"] = "true",
            ["Sweeper__Schedule"] = "*/2 * * * * ?",
            ["Sweeper__StaleAfter"] = "00:00:05",
        });
        await deployment.StartApiAsync();
        deployment.StartWorker();

        // 60 s of submissions; storage is cut from 15 s to 45 s.
        var outage = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
            proxy.Down = true;
            await Task.Delay(TimeSpan.FromSeconds(30));
            proxy.Down = false;
        });
        var load = await LoadAsync(deployment, TimeSpan.FromSeconds(60), parallelism: 4);
        await outage;
        var drained = Stopwatch.StartNew();
        var statuses = await deployment.WaitAllFinalAsync(load.Accepted, TimeSpan.FromMinutes(3));
        var accepted = drained.Elapsed;
        // Every stored record ends final too, the refused submissions' included.
        var stored = await StoredStatusesAsync(deployment);
        while (stored.Values.Any(s => s is "queued" or "running") && drained.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(1000);
            stored = await StoredStatusesAsync(deployment);
        }
        var refusedButStored = stored.Where(r => !load.Accepted.Contains(r.Key)).GroupBy(r => r.Value).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"{load.Accepted.Count} accepted, {load.Refused.Count} refused (503) during the outage; the accepted all final {accepted.TotalSeconds:F1} s after the load; "
            + $"refused but stored: [{string.Join(", ", refusedButStored)}], all final {drained.Elapsed.TotalSeconds:F1} s after the load; {deployment.ListingSummary}");

        // Every refusal is an outage answer with Retry-After; the outage made storage_unavailable ones.
        Assert.All(load.Refused, r => Assert.True(r.Code is "storage_unavailable" or "queue_unavailable" && r.RetryAfter, $"{r.Code}, Retry-After {r.RetryAfter}"));
        Assert.Contains(load.Refused, r => r.Code == "storage_unavailable");
        var notSucceeded = load.Accepted.Where(id => statuses.GetValueOrDefault(id) != "succeeded").ToList();
        Assert.True(notSucceeded.Count == 0, $"{notSucceeded.Count} accepted jobs not succeeded\n{deployment.Logs}");
        await AssertNothingHalfWrittenAsync(deployment);
        await AssertOneRecordAndDownloadableChartEachAsync(deployment, load.Accepted);
    }

    [Fact]
    public async Task StorageAnswering2sSlower_EverySubmissionAccepted_EveryJobSucceeds()
    {
        await using var proxy = new FaultProxy(new Uri(TestServices.S3Endpoint)) { Delay = TimeSpan.FromSeconds(2) };
        await using var deployment = await Deployment.CreateAsync(new Dictionary<string, string> { ["Storage__S3__Endpoint"] = proxy.Url });
        await deployment.StartApiAsync();
        deployment.StartWorker();

        var clock = Stopwatch.StartNew();
        var ids = await SubmitAsync(deployment, 12, parallelism: 6);
        var submitted = clock.Elapsed;
        var statuses = await deployment.WaitAllFinalAsync(ids, TimeSpan.FromMinutes(3));
        output.WriteLine($"12 submissions through a store 2 s slower took {submitted.TotalSeconds:F1} s; all final after {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(12, ids.Count);
        Assert.All(ids, id => Assert.Equal("succeeded", statuses.GetValueOrDefault(id)));
        await AssertNothingHalfWrittenAsync(deployment);
    }

    [Fact]
    public async Task BrokerMemoryAlarm_SubmissionsBlockedAre503_Every202Succeeds()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartApiAsync();
        deployment.StartWorker();
        try
        {
            // A memory alarm blocks every publishing connection (connection.blocked) for 10 s of a 25 s load.
            var alarm = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                await Rabbitmqctl("set_vm_memory_high_watermark", "0.000001");
                await Task.Delay(TimeSpan.FromSeconds(10));
                await Rabbitmqctl("set_vm_memory_high_watermark", "0.4");
            });
            var load = await LoadAsync(deployment, TimeSpan.FromSeconds(25), parallelism: 4);
            await alarm;
            var statuses = await deployment.WaitAllFinalAsync(load.Accepted, TimeSpan.FromMinutes(2));
            output.WriteLine($"{load.Accepted.Count} accepted, {load.Refused.Count} refused during the alarm ({string.Join(", ", load.Refused.Select(r => r.Code).Distinct())})");

            // Every refusal is an outage answer with Retry-After (s3rver, the S3 stand-in, can drop a request
            // of its own now and then: storage_unavailable); the alarm made queue_unavailable ones.
            Assert.All(load.Refused, r => Assert.True(r.Code is "storage_unavailable" or "queue_unavailable" && r.RetryAfter, $"{r.Code}, Retry-After {r.RetryAfter}"));
            Assert.Contains(load.Refused, r => r.Code == "queue_unavailable");
            var notSucceeded = load.Accepted.Where(id => statuses.GetValueOrDefault(id) != "succeeded").ToList();
            Assert.True(notSucceeded.Count == 0, $"{notSucceeded.Count} accepted jobs not succeeded\n{deployment.Logs}");
            await AssertNothingHalfWrittenAsync(deployment);
        }
        finally
        {
            await Rabbitmqctl("set_vm_memory_high_watermark", "0.4");
        }
    }

    [Fact]
    public async Task ApiKilledBetweenStoringAndPublishing_TheSweeperOfTheNextApiRunsTheJobs()
    {
        await using var deployment = await Deployment.CreateAsync();
        // The publishes wait for the broker's confirm up to 30 s: long enough to kill the API mid-publish.
        await deployment.StartApiAsync(new Dictionary<string, string> { ["Queue__RabbitMq__PublishTimeout"] = "00:00:30" });
        deployment.StartWorker();
        var before = await SubmitAsync(deployment, 3, parallelism: 3);
        try
        {
            // Publishing blocks under a memory alarm: four submissions are stored, then wait on the publish.
            await Rabbitmqctl("set_vm_memory_high_watermark", "0.000001");
            await Task.Delay(TimeSpan.FromSeconds(1));
            var pending = Enumerable.Range(100, 4).Select(i => deployment.Client.PostAsync("/api/jobs", Deployment.Json(Deployment.SmallJob(i)))).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await deployment.KeysAsync(deployment.OwnerPrefix)).Count(k => k.EndsWith("/record.json", StringComparison.Ordinal)) < before.Count + 4
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            deployment.ApiProcesses[0].KillHard();
            foreach (var request in pending)
            {
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => request);
            }
        }
        finally
        {
            await Rabbitmqctl("set_vm_memory_high_watermark", "0.4");
        }

        // Stored, never published, never answered: only the pending markers know of them.
        var stored = (await deployment.KeysAsync(deployment.OwnerPrefix))
            .Where(k => k.EndsWith("/record.json", StringComparison.Ordinal)).Select(k => k.Split('/')[2]).Except(before).ToList();
        Assert.Equal(4, stored.Count);

        // The API started again (as the platform restarts a dead instance): its sweeper finds them stale and
        // publishes them; the worker runs them.
        await deployment.StartApiAsync(new Dictionary<string, string>
        {
            ["Sweeper__Enabled"] = "true",
            ["Sweeper__Schedule"] = "* * * * * ?",
            ["Sweeper__StaleAfter"] = "00:00:02",
        });
        var statuses = await deployment.WaitAllFinalAsync([.. before, .. stored], TimeSpan.FromMinutes(1));
        Assert.All(stored, id => Assert.Equal("succeeded", statuses.GetValueOrDefault(id)));
        await AssertNothingHalfWrittenAsync(deployment);
    }
}

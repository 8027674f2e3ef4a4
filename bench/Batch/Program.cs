using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// The batch bench's client (issue 9): seeds stored jobs, measures interactive latency idle and while a
// re-render batch runs, and reads the batch's throughput. Every figure is printed as one JSON line on
// stdout (run.sh collects them); progress goes to stderr.
//
//   seed    --url U --n N [--parallel P]                 N small custom jobs as the "seed" user, waits until all succeeded
//   idle    --url U --k K --label L                      K interactive jobs one at a time
//   batch   --url U --token T --label L [--interval-ms 250]  re-render the seed user's jobs; probe while it runs
var argsMap = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    argsMap[args[i].TrimStart('-')] = args[i + 1];
}
string Arg(string name, string? fallback = null) =>
    argsMap.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");
var mode = args.Length > 0 ? args[0] : "";
var url = new Uri(Arg("url"));

return mode switch
{
    "seed" => await Bench.SeedAsync(url, int.Parse(Arg("n"), CultureInfo.InvariantCulture), int.Parse(Arg("parallel", "8"), CultureInfo.InvariantCulture)),
    "idle" => await Bench.IdleAsync(url, int.Parse(Arg("k"), CultureInfo.InvariantCulture), Arg("label")),
    "batch" => await Bench.BatchAsync(url, Arg("token"), Arg("label"), int.Parse(Arg("interval-ms", "250"), CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LabCharts.Bench.Batch seed|idle|batch --url http://127.0.0.1:PORT ...");
    return 2;
}

internal static class Bench
{
    private const string AppId = "wx-bench";
    private const string SeedUser = "bench-seed";
    private const string ProbeUser = "bench-probe";

    private static HttpClient Client(Uri url, string openId)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(600) };
        client.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
        client.DefaultRequestHeaders.Add("X-WX-OPENID", openId);
        client.DefaultRequestHeaders.Add("X-WX-APPID", AppId);
        return client;
    }

    /// <summary>The storage owner key of a user (src/Jobs/Identity/Caller.cs): u + 32 hex of SHA-256("{appId}\n{openId}").</summary>
    private static string Owner(string openId) =>
        "u" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{AppId}\n{openId}")))[..32];

    /// <summary>A small custom job (the integration tests' SmallJob), 600×400 PNG.</summary>
    private static string SmallJob(int seed) => $$"""
        {
          "experiment": "custom", "title": "批量基准 {{seed}}", "model": "linear",
          "data": {
            "x": { "values": [1, 2, 3, 4, 5, 6], "label": "x" },
            "y": { "values": [{{2 + seed % 7}}.1, {{4 + seed % 7}}.0, {{6 + seed % 7}}.2, {{8 + seed % 7}}.1, {{10 + seed % 7}}.0, {{12 + seed % 7}}.1], "label": "y" }
          },
          "render": { "formats": ["png"], "width": 600, "height": 400 }
        }
        """;

    /// <summary>Submits one job with ?wait=10 and follows it until final: (milliseconds, final status).</summary>
    private static async Task<(double Ms, string Status)> RunJobAsync(HttpClient client, int seed)
    {
        var clock = Stopwatch.StartNew();
        string? id = null;
        for (var attempt = 0; ; attempt++)
        {
            using var content = new StringContent(SmallJob(seed), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/jobs?wait=10", UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 20)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            using var document = JsonDocument.Parse(text);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (clock.Elapsed.TotalMilliseconds, document.RootElement.GetProperty("status").GetString()!);
            }
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"POST /api/jobs: {(int)response.StatusCode} {text}");
            }
            id = document.RootElement.GetProperty("id").GetString()!;
            break;
        }
        // Not final within 10 s: poll the record.
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/jobs/{id}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var status = document.RootElement.GetProperty("status").GetString()!;
                if (status is "succeeded" or "failed")
                {
                    return (clock.Elapsed.TotalMilliseconds, status);
                }
            }
            await Task.Delay(50);
        }
    }

    public static async Task<int> SeedAsync(Uri url, int n, int parallel)
    {
        using var client = Client(url, SeedUser);
        var next = -1;
        var done = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        async Task Lane()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < n)
            {
                var (_, status) = await RunJobAsync(client, i);
                if (status != "succeeded")
                {
                    Interlocked.Increment(ref failed);
                }
                var count = Interlocked.Increment(ref done);
                if (count % 500 == 0)
                {
                    Console.Error.WriteLine($"seed: {count}/{n} final after {clock.Elapsed.TotalSeconds:F0} s");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(Lane)));
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["phase"] = "seed", ["n"] = n, ["failed"] = failed, ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            ["owner"] = Owner(SeedUser),
        }));
        return failed == 0 ? 0 : 1;
    }

    public static async Task<int> IdleAsync(Uri url, int k, string label)
    {
        using var client = Client(url, ProbeUser);
        // Two warm-up jobs (connections, JIT on both sides), not counted.
        for (var i = 0; i < 2; i++)
        {
            await RunJobAsync(client, 1000 + i);
        }
        var latencies = new List<double>();
        var statuses = new List<string>();
        for (var i = 0; i < k; i++)
        {
            var (ms, status) = await RunJobAsync(client, i);
            latencies.Add(ms);
            statuses.Add(status);
        }
        Report(label, latencies, statuses, null);
        return 0;
    }

    public static async Task<int> BatchAsync(Uri url, string token, string label, int intervalMs)
    {
        using var probe = Client(url, ProbeUser);
        using var admin = Client(url, "bench-admin");
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = $$"""{"owner": "{{Owner(SeedUser)}}"}""";
        var postClock = Stopwatch.StartNew();
        using var started = await admin.PostAsync(new Uri("/api/admin/rerender", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var startedText = await started.Content.ReadAsStringAsync();
        if (started.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"POST /api/admin/rerender: {(int)started.StatusCode} {startedText}");
        }
        double? scanSeconds = null;
        using var accepted = JsonDocument.Parse(startedText);
        var batchId = accepted.RootElement.GetProperty("batchId").GetString()!;
        Console.Error.WriteLine($"{label}: batch {batchId}, total {(accepted.RootElement.TryGetProperty("total", out var known) ? known.GetInt32() : "not yet (scanning)")}, POST took {postClock.Elapsed.TotalSeconds:F1} s");

        // The probes run on a timer of their own, independent of how long a batch view takes to read;
        // they are submitted only while the last view read said "running".
        var probes = new List<Task<(double Ms, string Status, DateTimeOffset At)>>();
        var running = true;
        using var stop = new CancellationTokenSource();
        var pacer = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(intervalMs));
            var seed = 0;
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    if (!Volatile.Read(ref running))
                    {
                        continue;
                    }
                    var s = seed++;
                    var at = DateTimeOffset.UtcNow;
                    lock (probes)
                    {
                        probes.Add(Task.Run(async () =>
                        {
                            // Each probe as a user of its own: two jobs of one user finishing and starting at
                            // once make s3rver delete and write one pending/ folder together, which crashes it.
                            using var own = Client(url, $"{ProbeUser}-{s}");
                            var (ms, status) = await RunJobAsync(own, 5000 + s);
                            return (ms, status, at);
                        }));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        JsonElement view;
        var viewErrors = 0;
        var lastPrint = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await admin.GetAsync(new Uri($"/api/admin/batches/{batchId}", UriKind.Relative)))
            {
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    // e.g. 503 storage_unavailable while s3rver is busy: note it and read again.
                    viewErrors++;
                    Console.Error.WriteLine($"{label}: GET batch view: {(int)response.StatusCode} {text}");
                    await Task.Delay(500);
                    continue;
                }
                using var document = JsonDocument.Parse(text);
                view = document.RootElement.Clone();
            }
            var state = view.GetProperty("state").GetString();
            Volatile.Write(ref running, state == "running");
            if (state != "scanning" && scanSeconds is null)
            {
                scanSeconds = Math.Round(postClock.Elapsed.TotalSeconds, 1); // from the POST until the scan was done
            }
            if (state is "succeeded" or "failed" or "cancelled")
            {
                break;
            }
            if (lastPrint.Elapsed > TimeSpan.FromSeconds(15))
            {
                lastPrint.Restart();
                Console.Error.WriteLine($"{label}: {state}, published {view.GetProperty("published").GetInt32()}, succeeded {view.GetProperty("succeeded").GetInt32()}, probes {probes.Count}");
            }
            await Task.Delay(200);
        }
        await stop.CancelAsync();
        await pacer;
        Task<(double Ms, string Status, DateTimeOffset At)>[] all;
        lock (probes)
        {
            all = [.. probes];
        }
        var results = await Task.WhenAll(all);
        var startedAt = view.GetProperty("startedAt").GetDateTimeOffset();
        var finishedAt = view.GetProperty("finishedAt").GetDateTimeOffset();
        // Only probes submitted between startedAt and finishedAt count as "during the batch".
        var during = results.Where(r => r.At >= startedAt && r.At <= finishedAt).ToList();
        var total = view.GetProperty("total").GetInt32();
        var seconds = (finishedAt - startedAt).TotalSeconds;
        Report(label, [.. during.Select(r => r.Ms)], [.. during.Select(r => r.Status)], new Dictionary<string, object?>
        {
            ["batchId"] = batchId,
            ["state"] = view.GetProperty("state").GetString()!,
            ["total"] = total,
            ["published"] = view.GetProperty("published").GetInt32(),
            ["succeeded"] = view.GetProperty("succeeded").GetInt32(),
            ["batchFailed"] = view.GetProperty("failed").GetInt32(),
            ["skipped"] = view.GetProperty("skipped").GetInt32(),
            ["startedAt"] = startedAt.ToString("O", CultureInfo.InvariantCulture),
            ["finishedAt"] = finishedAt.ToString("O", CultureInfo.InvariantCulture),
            ["batchSeconds"] = Math.Round(seconds, 3),
            ["chartsPerSecond"] = Math.Round(total / seconds, 2),
            ["apiThroughput"] = view.TryGetProperty("throughputPerSecond", out var t) && t.ValueKind == JsonValueKind.Number ? Math.Round(t.GetDouble(), 2) : -1,
            ["scanSeconds"] = scanSeconds,
            ["probesOutsideWindow"] = results.Length - during.Count,
            ["batchViewErrors"] = viewErrors,
        });
        return 0;
    }

    private static void Report(string label, List<double> latencies, List<string> statuses, Dictionary<string, object?>? extra)
    {
        var sorted = latencies.Order().ToArray();
        var line = new Dictionary<string, object?>
        {
            ["phase"] = label,
            ["count"] = sorted.Length,
            ["notSucceeded"] = statuses.Count(s => s != "succeeded"),
            ["p50"] = Percentile(sorted, 0.50),
            ["p95"] = Percentile(sorted, 0.95),
            ["max"] = sorted.Length > 0 ? Math.Round(sorted[^1], 1) : (double?)null,
            ["mean"] = sorted.Length > 0 ? Math.Round(sorted.Average(), 1) : (double?)null,
        };
        foreach (var (key, value) in extra ?? [])
        {
            line[key] = value;
        }
        Console.WriteLine(JsonSerializer.Serialize(line));
    }

    /// <summary>Nearest-rank percentile (the smallest value with at least p of the sample at or below it).</summary>
    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
}

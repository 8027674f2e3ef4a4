using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

// bench/E2e (issue 12, part 4): an open-loop load generator for the whole system. Jobs arrive at a
// fixed mean rate (Poisson arrivals, seeded) whether or not earlier ones have finished — a slow
// service does not slow the arrivals down — and each job's latency runs from its scheduled arrival
// to its final state, so queueing delay is never hidden (no coordinated omission).
//
//   load --url U --request job.json --rate R (--seconds S | --jobs N) [--warmup-seconds W] [--label L] [--users 200]
//        [--cpu name=pid,...] [--rss name=pid,...] [--clock-ticks 100]
//
// Every job is the request file (run.sh: bench/requests/readme-pendulum.json, the README's pendulum) from one of --users students, through
// POST /api/jobs?wait=10; a job still running after the wait is followed with GET every second, for at most a minute. One
// JSON line on stdout: offered and achieved rate, latency percentiles of the jobs that arrived after
// the warm-up, CPU ms per job of each named process (/proc/<pid>/stat) over the same window, and the
// named processes' resident memory every 1,000 finished jobs. Its own CPU is counted as "load-generator".
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: LabCharts.Bench.E2e load --url U --request job.json --rate R (--seconds S | --jobs N) [--warmup-seconds W] [--label L] [--users N] [--cpu name=pid,...] [--rss name=pid,...]");
    return 2;
}

return await Load.RunAsync(options);

internal sealed record Options(Uri Url, string Request, double Rate, double Seconds, int Jobs, double WarmupSeconds, string Label, int Users,
    IReadOnlyList<(string Name, int Pid)> Cpu, IReadOnlyList<(string Name, int Pid)> Rss, int ClockTicks)
{
    public static Options? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "load")
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        string Text(string name, string fallback) => map.TryGetValue(name, out var v) ? v : fallback;
        double Number(string name, double fallback) => map.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        static IReadOnlyList<(string, int)> Pids(string text) =>
            [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))];
        if (!map.TryGetValue("url", out var url) || !map.TryGetValue("request", out var request) || !map.ContainsKey("rate") || !(map.ContainsKey("seconds") || map.ContainsKey("jobs")))
        {
            return null;
        }

        return new Options(new Uri(url), request, Number("rate", 10), Number("seconds", double.PositiveInfinity), (int)Number("jobs", int.MaxValue),
            Number("warmup-seconds", 5), Text("label", "load"), (int)Number("users", 200), Pids(Text("cpu", "")), Pids(Text("rss", "")),
            (int)Number("clock-ticks", 100));
    }
}

internal static class Load
{
    private const string AppId = "wx-bench-e2e";

    /// <summary>A job not final a minute after it was sent counts as failed ("timeout"): an overloaded rate ends instead of draining for minutes.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private sealed record Outcome(double ArrivalSeconds, double DoneSeconds, string Status);

    public static async Task<int> RunAsync(Options options)
    {
        var body = await File.ReadAllBytesAsync(options.Request);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        using var client = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(120) };
        var random = new Random(12);
        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentBag<Outcome>();
        var running = new List<Task>();
        var finished = 0;
        var rssSamples = new ConcurrentQueue<object>();
        Dictionary<string, long>? cpuAtWarmup = null;

        void OnFinished()
        {
            var count = Interlocked.Increment(ref finished);
            if (count % 1000 == 0 && options.Rss.Count > 0)
            {
                rssSamples.Enqueue(new { jobs = count, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1), rssMb = options.Rss.ToDictionary(p => p.Name, p => RssMb(p.Pid)) });
            }
        }

        var next = 0.0;
        var arrivals = 0;
        while (next < options.Seconds && arrivals < options.Jobs)
        {
            var wait = next - clock.Elapsed.TotalSeconds;
            if (wait > 0.0005)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }

            if (cpuAtWarmup is null && next >= options.WarmupSeconds)
            {
                cpuAtWarmup = Cpu(options);
            }

            var user = "e2e-" + (arrivals % options.Users).ToString(CultureInfo.InvariantCulture);
            var arrival = next;
            running.Add(Task.Run(async () =>
            {
                var status = await RunJobAsync(client, user, body);
                outcomes.Add(new Outcome(arrival, clock.Elapsed.TotalSeconds, status));
                OnFinished();
            }));
            arrivals++;
            next += -Math.Log(1 - random.NextDouble()) / options.Rate;
        }

        var lastArrival = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(running);
        var end = clock.Elapsed.TotalSeconds;
        var cpuAtEnd = Cpu(options);
        cpuAtWarmup ??= Cpu(options);

        var window = outcomes.Where(o => o.ArrivalSeconds >= options.WarmupSeconds).OrderBy(o => o.DoneSeconds - o.ArrivalSeconds).ToArray();
        var succeeded = window.Count(o => o.Status == "succeeded");
        var latencies = window.Select(o => (o.DoneSeconds - o.ArrivalSeconds) * 1000).ToArray();
        var windowStart = window.Length > 0 ? window.Min(o => o.ArrivalSeconds) : 0;
        var windowArrivalSpan = window.Length > 0 ? window.Max(o => o.ArrivalSeconds) - windowStart : 0;
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var cpuPerJob = cpuAtEnd.Keys.ToDictionary(name => name, name => window.Length == 0 ? 0 :
            Math.Round((cpuAtEnd[name] - cpuAtWarmup[name]) * 1000.0 / options.ClockTicks / window.Length, 2));

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            label = options.Label,
            offeredPerSecond = options.Rate,
            arrivals,
            arrivalSeconds = Math.Round(lastArrival, 2),
            measuredJobs = window.Length,
            succeeded,
            failed = window.Length - succeeded,
            failures = window.Where(o => o.Status != "succeeded").GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count()),
            arrivedPerSecond = windowArrivalSpan > 0 ? Math.Round(window.Length / windowArrivalSpan, 2) : 0,
            // Completions while the arrivals last (of jobs that arrived after the warm-up), per second of that span:
            // a service that keeps up finishes about as many as arrive; the last few still running are the drain.
            achievedPerSecond = windowArrivalSpan > 0
                ? Math.Round(window.Count(o => o.Status == "succeeded" && o.DoneSeconds <= lastArrival) / (lastArrival - windowStart), 2) : 0,
            drainSeconds = Math.Round(end - lastArrival, 2),
            p50Ms = Math.Round(Percentile(0.50), 1),
            p95Ms = Math.Round(Percentile(0.95), 1),
            p99Ms = Math.Round(Percentile(0.99), 1),
            maxMs = Math.Round(latencies.Length == 0 ? double.NaN : latencies[^1], 1),
            cpuMsPerJob = cpuPerJob,
            rss = rssSamples.ToArray(),
        }));
        return 0;
    }

    /// <summary>Submits with ?wait=10, follows a job the wait did not see end (every second, at most a minute), and returns its final status, "timeout", or an HTTP failure.</summary>
    private static async Task<string> RunJobAsync(HttpClient client, string user, byte[] body)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs?wait=10") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            Identify(request, user);
            using var response = await client.SendAsync(request);
            var json = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
            {
                return "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }

            var (id, status) = Read(json);
            for (var errors = 0; status is "queued" or "running";)
            {
                if (clock.Elapsed > GiveUpAfter)
                {
                    return "timeout";
                }

                await Task.Delay(1000);
                using var poll = new HttpRequestMessage(HttpMethod.Get, "/api/jobs/" + id);
                Identify(poll, user);
                using var answer = await client.SendAsync(poll);
                if (!answer.IsSuccessStatusCode)
                {
                    // A store that answers 503 for a moment: ask again, a while.
                    if (++errors == 60)
                    {
                        return "http_" + ((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture);
                    }
                    continue;
                }
                (_, status) = Read(await answer.Content.ReadAsByteArrayAsync());
            }

            return status;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return "http_" + error.GetType().Name;
        }
    }

    private static void Identify(HttpRequestMessage request, string user)
    {
        request.Headers.Add("X-WX-SOURCE", "wx_client");
        request.Headers.Add("X-WX-OPENID", user);
        request.Headers.Add("X-WX-APPID", AppId);
    }

    private static (string Id, string Status) Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return (document.RootElement.GetProperty("id").GetString()!, document.RootElement.GetProperty("status").GetString()!);
    }

    private static Dictionary<string, long> Cpu(Options options) =>
        options.Cpu.Append((Name: "load-generator", Pid: Environment.ProcessId)).ToDictionary(p => p.Name, p => CpuTicks(p.Pid));

    /// <summary>utime + stime of a process and its waited-for children, in clock ticks (/proc/pid/stat fields 14–17).</summary>
    private static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return Math.Round(double.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024, 1);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

// The push bench's client (issue 10). Against one running API process (pid given, for its memory):
//   1. one WebSocket of a user; J jobs submitted one after another; the latency of each job's `running`
//      and `succeeded` message to that socket;
//   2. N WebSockets of the same user (every one receives every event of the user's jobs); the API's
//      resident memory before and after opening them; the same J jobs; each event's latency to every
//      socket, and the time until the last socket had it.
// Latency = the client's receive time − the transition's `updatedAt` (the server stamps it just before
// storing the record; client and server share this machine's clock). Prints markdown tables and JSON lines.
//
//   LabCharts.Bench.Push --url http://127.0.0.1:PORT --pid PID [--sockets 1000] [--jobs 20]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
var url = new Uri(options["url"]);
var pid = int.Parse(options["pid"], CultureInfo.InvariantCulture);
var socketCount = int.Parse(options.GetValueOrDefault("sockets", "1000"), CultureInfo.InvariantCulture);
var jobCount = int.Parse(options.GetValueOrDefault("jobs", "20"), CultureInfo.InvariantCulture);

var one = await PushBench.RunAsync(url, pid, 1, jobCount, "bench-push-one");
var many = await PushBench.RunAsync(url, pid, socketCount, jobCount, "bench-push-many");
PushBench.Report([one, many]);
return 0;

internal sealed record PhaseResult(
    int Sockets, int Jobs, long RssBeforeKiB, long RssAfterKiB, double OpenSeconds,
    IReadOnlyDictionary<string, List<double>> LatencyMs, IReadOnlyDictionary<string, List<double>> LastSocketMs, int Missing);

internal static class PushBench
{
    private const string AppId = "wx-bench";

    public static async Task<PhaseResult> RunAsync(Uri url, int pid, int sockets, int jobs, string openId)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
        http.DefaultRequestHeaders.Add("X-WX-OPENID", openId);
        http.DefaultRequestHeaders.Add("X-WX-APPID", AppId);
        await SubmitAsync(http, 0, wait: true); // warm the path for this user

        await Task.Delay(3000);
        var rssBefore = RssKiB(pid);
        var clock = Stopwatch.StartNew();
        var received = new ConcurrentQueue<(int Socket, string Id, string Event, DateTimeOffset UpdatedAt, DateTimeOffset At)>();
        var connections = new List<ClientWebSocket>();
        var ready = new CountdownEvent(sockets);
        using var throttle = new SemaphoreSlim(50);
        var opening = Enumerable.Range(0, sockets).Select(async index =>
        {
            await throttle.WaitAsync();
            try
            {
                var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("X-WX-SOURCE", "wx_client");
                socket.Options.SetRequestHeader("X-WX-OPENID", openId);
                socket.Options.SetRequestHeader("X-WX-APPID", AppId);
                await socket.ConnectAsync(new UriBuilder(url) { Scheme = "ws", Path = "/ws" }.Uri, CancellationToken.None);
                lock (connections)
                {
                    connections.Add(socket);
                }
                _ = ReadAsync(socket, index, received, ready);
            }
            finally
            {
                throttle.Release();
            }
        });
        await Task.WhenAll(opening);
        if (!ready.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"only {sockets - ready.CurrentCount} of {sockets} sockets became ready");
        }
        var openSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(3000);
        var rssAfter = RssKiB(pid);
        Console.Error.WriteLine($"{sockets} socket(s) open in {openSeconds:F1} s; API RSS {rssBefore} → {rssAfter} KiB");

        var latency = new Dictionary<string, List<double>> { ["running"] = [], ["succeeded"] = [] };
        var last = new Dictionary<string, List<double>> { ["running"] = [], ["succeeded"] = [] };
        var missing = 0;
        for (var j = 1; j <= jobs; j++)
        {
            var id = await SubmitAsync(http, j, wait: false);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (received.Count(r => r.Id == id && r.Event == "succeeded") < sockets && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            await Task.Delay(200); // stragglers of `running`
            var mine = received.Where(r => r.Id == id).ToList();
            foreach (var kind in new[] { "running", "succeeded" })
            {
                var of = mine.Where(r => r.Event == kind).Select(r => (r.At - r.UpdatedAt).TotalMilliseconds).ToList();
                missing += sockets - of.Count;
                latency[kind].AddRange(of);
                if (of.Count > 0)
                {
                    last[kind].Add(of.Max());
                }
            }
            Console.Error.WriteLine($"{sockets} socket(s), job {j}/{jobs}: succeeded on {mine.Count(r => r.Event == "succeeded")}");
        }
        foreach (var socket in connections)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
            socket.Dispose();
        }
        return new PhaseResult(sockets, jobs, rssBefore, rssAfter, openSeconds, latency, last, missing);
    }

    private static async Task ReadAsync(ClientWebSocket socket, int index,
        ConcurrentQueue<(int, string, string, DateTimeOffset, DateTimeOffset)> received, CountdownEvent ready)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                var at = DateTimeOffset.UtcNow;
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                using var message = JsonDocument.Parse(buffer.AsMemory(0, length));
                var root = message.RootElement;
                switch (root.GetProperty("type").GetString())
                {
                    case "ready":
                        ready.Signal();
                        break;
                    case "job" when root.TryGetProperty("event", out var kind):
                        received.Enqueue((index, root.GetProperty("id").GetString()!, kind.GetString()!,
                            root.GetProperty("updatedAt").GetDateTimeOffset(), at));
                        break;
                }
            }
        }
        catch (WebSocketException)
        {
        }
    }

    private static async Task<string> SubmitAsync(HttpClient http, int seed, bool wait)
    {
        var body = $$$"""
            {"experiment": "custom", "title": "推送基准 {{{seed}}}", "model": "linear",
             "data": {"x": {"values": [1, 2, 3, 4, 5, 6]}, "y": {"values": [2.1, 4.0, 6.2, 8.1, 10.0, {{{12 + seed % 5}}}.1]}},
             "render": {"formats": ["png"], "width": 600, "height": 400}}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(wait ? "/api/jobs?wait=10" : "/api/jobs", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static long RssKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("no VmRSS");
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static void Report(IReadOnlyList<PhaseResult> phases)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| sockets | API RSS before → after (MiB) | per socket (KiB) | opened in (s) |");
        Console.WriteLine("| ---: | --- | ---: | ---: |");
        foreach (var p in phases)
        {
            Console.WriteLine(string.Create(c,
                $"| {p.Sockets} | {p.RssBeforeKiB / 1024.0:F1} → {p.RssAfterKiB / 1024.0:F1} | {(p.RssAfterKiB - p.RssBeforeKiB) / (double)p.Sockets:F1} | {p.OpenSeconds:F1} |"));
        }
        Console.WriteLine();
        Console.WriteLine("| sockets | event | deliveries | p50 ms | p95 ms | max ms | last socket p50 ms | last socket p95 ms | not delivered |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in phases)
        {
            foreach (var kind in new[] { "running", "succeeded" })
            {
                var l = p.LatencyMs[kind];
                var last = p.LastSocketMs[kind];
                Console.WriteLine(string.Create(c,
                    $"| {p.Sockets} | {kind} | {l.Count} | {Percentile(l, 50):F1} | {Percentile(l, 95):F1} | {(l.Count > 0 ? l.Max() : double.NaN):F1} | {Percentile(last, 50):F1} | {Percentile(last, 95):F1} | {p.Sockets * p.Jobs - l.Count} |"));
            }
        }
        foreach (var p in phases)
        {
            Console.Error.WriteLine(JsonSerializer.Serialize(new
            {
                p.Sockets, p.Jobs, p.RssBeforeKiB, p.RssAfterKiB, p.OpenSeconds, p.Missing,
                running = new { p50 = Percentile(p.LatencyMs["running"], 50), p95 = Percentile(p.LatencyMs["running"], 95) },
                succeeded = new { p50 = Percentile(p.LatencyMs["succeeded"], 50), p95 = Percentile(p.LatencyMs["succeeded"], 95) },
            }));
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using LabCharts.Jobs.S3;
using Microsoft.Extensions.Options;

namespace LabCharts.Integration.Tests;

/// <summary>
/// A production-shaped deployment for one test: an API process and worker processes joined by
/// RabbitMQ (queues of their own) over S3 (a bucket of its own), and a client with WeChat identity.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private readonly List<HostProcess> _processes = [];
    private readonly Dictionary<string, string> _environment;

    private Deployment(Dictionary<string, string> environment, int port)
    {
        _environment = environment;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
        Client.DefaultRequestHeaders.Add("X-WX-OPENID", $"it-{_suffix}");
        Client.DefaultRequestHeaders.Add("X-WX-APPID", "wx-integration");
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Bucket => $"it-{_suffix}";

    /// <summary>The storage folder of this deployment's user: <c>jobs/{owner}/</c>.</summary>
    public string OwnerPrefix => $"jobs/{new LabCharts.Jobs.Identity.Caller("wx-integration", $"it-{_suffix}").Owner}/";

    public S3ObjectStore Store { get; private set; } = null!;

    public static async Task<Deployment> CreateAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var rabbit = TestServices.RabbitMqUri;
        var s3 = TestServices.S3Endpoint;
        _ = TestServices.RabbitMqCtl;
        var port = HostProcess.FreePort();
        var deployment = new Deployment([], port);
        var env = deployment._environment;
        env["Queue__RabbitMq__Uri"] = rabbit;
        env["Queue__RabbitMq__InteractiveQueue"] = $"it.jobs.{deployment._suffix}";
        env["Queue__RabbitMq__BatchQueue"] = $"it.batch.{deployment._suffix}";
        env["Queue__RabbitMq__DeadLetterQueue"] = $"it.dead.{deployment._suffix}";
        env["Queue__RabbitMq__DeadLetterExchange"] = $"it.dead.{deployment._suffix}";
        env["Queue__RabbitMq__EventsExchange"] = $"it.events.{deployment._suffix}";
        env["Storage__S3__Endpoint"] = s3;
        env["Storage__S3__Bucket"] = deployment.Bucket;
        env["Storage__S3__AccessKey"] = "S3RVER";
        env["Storage__S3__SecretKey"] = "S3RVER";
        env["Sweeper__Enabled"] = "false";
        // The load comes from one caller; the per-caller limits have their own tests.
        env["Limits__SubmissionsPerMinute"] = "0";
        env["Limits__MaxUnfinishedPerOwner"] = "0";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var options = new S3StorageOptions { Endpoint = s3, Bucket = deployment.Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER" };
        using (var admin = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"),
            new AmazonS3Config { ServiceURL = s3, ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
        {
            await admin.PutBucketAsync(deployment.Bucket);
        }
        deployment.Store = new S3ObjectStore(Options.Create(options));
        return deployment;
    }

    /// <summary>Starts the API (no embedded worker), with <paramref name="extra"/> settings, and waits until it is ready.</summary>
    public async Task StartApiAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        await StartReadyApiAsync(Port, Client, extra);
    }

    /// <summary>
    /// Starts one more API replica (no embedded worker) on a port of its own, sharing the broker and
    /// the bucket, and waits until it is ready: its process and a client for it, as the same user.
    /// </summary>
    public async Task<(HostProcess Process, HttpClient Client)> StartApiReplicaAsync()
    {
        var port = HostProcess.FreePort();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var header in Client.DefaultRequestHeaders)
        {
            client.DefaultRequestHeaders.Add(header.Key, header.Value);
        }
        return (await StartReadyApiAsync(port, client), client);
    }

    private async Task<HostProcess> StartReadyApiAsync(int port, HttpClient client, IReadOnlyDictionary<string, string>? extra = null)
    {
        var api = Start("Api", new Dictionary<string, string>(extra ?? new Dictionary<string, string>())
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Worker__Embedded"] = "false",
        });
        _apis.Add(api);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var ready = await client.GetAsync("/healthz/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (api.HasExited)
            {
                throw new InvalidOperationException($"API exited: {api.Output}");
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"API not ready: {api.Output}");
    }

    public HostProcess StartWorker(IReadOnlyDictionary<string, string>? extra = null) =>
        Start("Worker", new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { ["Worker__Concurrency"] = extra?.GetValueOrDefault("Worker__Concurrency") ?? "4" });

    /// <summary>The API processes started, first one first.</summary>
    public IReadOnlyList<HostProcess> ApiProcesses => _apis;

    private readonly List<HostProcess> _apis = [];

    /// <summary>Runs a command of the worker host (<c>rerender …</c>) with this deployment's settings.</summary>
    public HostProcess RunWorkerCommand(params string[] arguments) => Start("Worker", [], arguments);

    private HostProcess Start(string host, Dictionary<string, string> extra, params string[] arguments)
    {
        var env = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }
        var process = HostProcess.Start(host, env, arguments);
        _processes.Add(process);
        return process;
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A small custom job; <paramref name="seed"/> varies the data so jobs differ.</summary>
    public static string SmallJob(int seed) => $$"""
        {
          "experiment": "custom", "title": "积分测试 {{seed}}", "model": "linear",
          "data": {
            "x": { "values": [1, 2, 3, 4, 5, 6], "label": "x" },
            "y": { "values": [{{2 + seed % 7}}.1, {{4 + seed % 7}}.0, {{6 + seed % 7}}.2, {{8 + seed % 7}}.1, {{10 + seed % 7}}.0, {{12 + seed % 7}}.1], "label": "y" }
          },
          "render": { "formats": ["png"], "width": 600, "height": 400 }
        }
        """;

    /// <summary>How long each <c>GET /api/jobs</c> of <see cref="StatusesAsync"/> took, and what it answered.</summary>
    public ConcurrentQueue<(TimeSpan Took, int Status)> Listings { get; } = new();

    private async Task<HttpResponseMessage> ListPageAsync(int page)
    {
        var clock = Stopwatch.StartNew();
        var response = await Client.GetAsync($"/api/jobs?page={page}&pageSize=100");
        Listings.Enqueue((clock.Elapsed, (int)response.StatusCode));
        return response;
    }

    /// <summary>The slowest listing and how many answered 503, for a test's output.</summary>
    public string ListingSummary => Listings.IsEmpty ? "no listings"
        : $"{Listings.Count} listings, slowest {Listings.Max(l => l.Took).TotalSeconds:F1} s, {Listings.Count(l => l.Status == 503)} × 503";

    /// <summary>Status of every listed job of this deployment's user, by id.</summary>
    public async Task<Dictionary<string, string>> StatusesAsync()
    {
        var statuses = new Dictionary<string, string>();
        for (var page = 1; ; page++)
        {
            // 503 (storage_unavailable, with Retry-After) asks the client to try again: under load the
            // S3 stand-in drops a request now and then, and pairs a record being rewritten with its old MD5.
            var response = await ListPageAsync(page);
            for (var retry = 0; response.StatusCode == HttpStatusCode.ServiceUnavailable && retry < 20; retry++)
            {
                var delay = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await Task.Delay(delay);
                response = await ListPageAsync(page);
            }
            using var _ = response;
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET /api/jobs: {(int)response.StatusCode} {text}\n{Logs}");
            }
            using var document = JsonDocument.Parse(text);
            var items = document.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                statuses[item.GetProperty("id").GetString()!] = item.GetProperty("status").GetString()!;
            }
            // Paged by total: a folder left without a record counts there but is left off its page.
            if (page * 100 >= document.RootElement.GetProperty("total").GetInt32())
            {
                return statuses;
            }
        }
    }

    /// <summary>Polls until every id is final or the time is up; returns the final statuses.</summary>
    public async Task<Dictionary<string, string>> WaitAllFinalAsync(IReadOnlyCollection<string> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var statuses = await StatusesAsync();
            var final = ids.Count(id => statuses.GetValueOrDefault(id) is "succeeded" or "failed");
            if (final == ids.Count || DateTime.UtcNow > deadline)
            {
                return statuses;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Every object key under this deployment's user folder.</summary>
    public async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in Store.ListAsync(prefix, CancellationToken.None))
        {
            keys.Add(key.Value);
        }
        return keys;
    }

    /// <summary>Every error line of each process, then the last 4,000 characters of its output.</summary>
    public string Logs => string.Join("\n---\n", _processes.Select(p =>
        string.Join('\n', p.Output.Split('\n').Where(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
            || line.Contains("answered 503", StringComparison.Ordinal)).Take(20))
        + "\n…\n" + p.Output[^Math.Min(p.Output.Length, 4000)..]));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
        Client.Dispose();
        Store?.Dispose();
    }
}

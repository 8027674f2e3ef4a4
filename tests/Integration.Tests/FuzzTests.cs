using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LabCharts.Integration.Tests;

/// <summary>
/// Issue 14: fuzzed requests against the API process (RabbitMQ, S3 and a worker behind it): mutated valid
/// jobs, random JSON, wrong types, huge and deeply nested bodies, hostile headers and odd routes. No answer
/// is a 5xx; every 4xx is problem+json with a code; every accepted job ends succeeded or failed with a code.
/// The test command runs 1,500 (seed fixed); <c>LABCHARTS_FUZZ_COUNT=10000</c> runs more (docs/reliability.md).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Valid =
    [
        File.ReadAllText(Path.Combine(HostProcess.RepoRoot, "bench", "requests", "readme-pendulum.json")),
        Deployment.SmallJob(3),
        """{"experiment": "custom", "model": "proportional", "data": {"x": {"values": [1, 2, 3, 4, 5]}, "y": {"values": [2.02, 3.98, 6.01, 7.99, 10.0]}}}""",
        """{"experiment": "ohm", "data": {"U": {"values": [1.0, 2.1, 2.9, 4.0, 5.1], "unit": "V"}, "I": {"values": [0.01, 0.02, 0.03, 0.04, 0.05], "unit": "A"}}}""",
    ];

    private static readonly JsonNode?[] Oddities =
    [
        null, true, false, 0, -1, 1e308, -1e-308, "", " ", "abc", "1,5", "NaN", "Infinity", "-0", "１２", "0x1F", "1e999",
        "../../etc/passwd", "<script>alert(1)</script>", "中文单位", "\u0000", new string('x', 5000), "m/s^2", "cm",
        new JsonArray(), new JsonArray(1, 2, 3), new JsonArray(new JsonArray(1, "a"), null), new JsonObject(),
        new JsonObject { ["values"] = new JsonArray(1, 2) }, new JsonObject { ["$ref"] = "#" }, long.MaxValue, double.Epsilon,
    ];

    [Fact]
    public async Task FuzzedRequests_No5xx_Every4xxAProblemWithACode_EveryAcceptedJobEnds()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("LABCHARTS_FUZZ_COUNT"), out var n) ? n : 1500;
        await using var deployment = await Deployment.CreateAsync(new Dictionary<string, string> { ["Admin__Token"] = "fuzz-admin-token-0123456789" });
        await deployment.StartApiAsync();
        deployment.StartWorker();
        using var http = new HttpClient { BaseAddress = deployment.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentBag<string>();
        var accepted = new ConcurrentBag<(string Id, string OpenId)>();
        var protocolRefusals = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var random = new Random(1000 + i);
            using var request = Make(random, i);
            var what = $"#{i} {request.Method} {request.RequestUri}";
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException error)
            {
                failures.Add($"{what}: no answer ({error.Message})");
                return;
            }
            using var _ = response;
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (status >= 500 && status != 503)
            {
                failures.Add($"{what}: {status} {body}");
            }
            else if (status == 400 && body.Length == 0 && request.RequestUri!.OriginalString.Contains("%00", StringComparison.Ordinal))
            {
                // A NUL in the path: Kestrel refuses the request line itself, before any middleware, with a
                // bare 400 (docs/reliability.md); nothing of ours runs, so nothing of ours can answer.
                Interlocked.Increment(ref protocolRefusals);
            }
            else if (status >= 400)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || !JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) || string.IsNullOrEmpty(code.GetString()))
                {
                    failures.Add($"{what}: {status} without a problem code: {body[..Math.Min(body.Length, 300)]}");
                }
            }
            else if (status == 202 && request.RequestUri!.AbsolutePath == "/api/jobs")
            {
                accepted.Add((JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!, request.Headers.GetValues("X-WX-OPENID").Single()));
            }
        });

        output.WriteLine($"{count} requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))
            + $" ({protocolRefusals} of the 400s Kestrel's own, for a NUL in the path)");
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n{string.Join('\n', failures.Take(10))}");
        Assert.False(statuses.ContainsKey(503), "nothing is down here: no 503");

        // Every accepted job ends: succeeded, or failed with a code (bad data only the fit can see).
        var ends = new ConcurrentDictionary<string, string>();
        // One worker on a small machine: allow half a second per accepted job, and at least 3 minutes.
        var deadline = DateTime.UtcNow.Add(TimeSpan.FromSeconds(Math.Max(180, accepted.Count / 2.0)));
        await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (job, ct) =>
        {
            while (true)
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{job.Id}");
                get.Headers.Add("X-WX-SOURCE", "wx_client");
                get.Headers.Add("X-WX-APPID", "wx-integration");
                get.Headers.Add("X-WX-OPENID", job.OpenId);
                using var response = await http.SendAsync(get, ct);
                var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
                var status = root.GetProperty("status").GetString()!;
                if (status is "succeeded" or "failed" || DateTime.UtcNow > deadline)
                {
                    ends[job.Id] = status == "failed" ? "failed:" + root.GetProperty("error").GetProperty("code").GetString() : status;
                    if (ends[job.Id] is "failed:processing_failed" or "failed:not_computable")
                    {
                        // Ours, not the data's: keep the request to replay (LabCharts.Worker render <file>).
                        using var stored = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{job.Id}/request");
                        stored.Headers.Add("X-WX-SOURCE", "wx_client");
                        stored.Headers.Add("X-WX-APPID", "wx-integration");
                        stored.Headers.Add("X-WX-OPENID", job.OpenId);
                        using var answer = await http.SendAsync(stored, ct);
                        var text = await answer.Content.ReadAsStringAsync(ct);
                        // not_computable is right only for a value whose magnitude the computation cannot carry.
                        if (ends[job.Id] == "failed:processing_failed" || !HasExtremeValue(text))
                        {
                            failures.Add($"{job.Id} {ends[job.Id]}; its request: {text}");
                        }
                    }
                    return;
                }
                await Task.Delay(500, ct);
            }
        });
        output.WriteLine($"{accepted.Count} accepted jobs ended: " + string.Join(", ", ends.Values.GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(5)));
        Assert.All(ends, end => Assert.True(end.Value == "succeeded" || (end.Value.StartsWith("failed:", StringComparison.Ordinal) && end.Value.Length > 7), $"{end.Key}: {end.Value}"));
        using var ready = await http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>A number beyond 1e100 or below 1e-100 in magnitude (not zero) anywhere in the JSON.</summary>
    private static bool HasExtremeValue(string json) =>
        System.Text.RegularExpressions.Regex.Matches(json, @"-?\d+(\.\d+)?[eE][+-]?\d+|-?\d{19,}")
            .Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Any(v => Math.Abs(v) > 1e100 || (v != 0 && Math.Abs(v) < 1e-100));

    private static HttpRequestMessage Make(Random random, int i)
    {
        var kind = random.Next(100);
        HttpRequestMessage request = kind switch
        {
            < 55 => Post("/api/jobs" + Wait(random), Mutate(random)),
            < 65 => Post("/api/jobs", RandomJson(random, depth: 0)?.ToJsonString() ?? "null"),
            < 68 => Post("/api/jobs", new string('[', 10_000 + random.Next(100_000)) + new string(']', 100)),
            < 71 => Post("/api/jobs", "{\"experiment\": \"pendulum\", \"title\": \"" + new string('长', 400_000 + random.Next(300_000)) + "\"}"),
            < 75 => Post("/api/jobs", Truncate(random, Valid[random.Next(Valid.Length)])),
            < 79 => Post("/api/jobs", Bytes(random)),
            < 84 => new HttpRequestMessage(HttpMethod.Get, Pick(random, "/api/jobs/", "/api/jobs?page=", "/api/jobs?pageSize=", "/api/jobs/x/request", "/files/") + Garbage(random)),
            < 88 => new HttpRequestMessage(Pick(random, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Get), Pick(random, "/api/jobs", "/api/experiments", "/api/admin/batches", "/api/tables/xlsx")),
            < 92 => Admin(random),
            < 96 => new HttpRequestMessage(HttpMethod.Post, "/api/tables/xlsx") { Content = new ByteArrayContent(Bytes(random).ReadAsByteArrayAsync().Result) },
            _ => Post("/api/jobs", Mutate(random)),
        };
        Headers(random, request, i);
        return request;
    }

    private static HttpRequestMessage Post(string path, string body) => new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static string Wait(Random random) => random.Next(10) switch
    {
        0 => "?wait=" + Pick(random, "-1", "abc", "1e9", "NaN", "0.5", "", "%00", "99999999999999999999"),
        1 => "?wait=2",
        _ => "",
    };

    private static HttpRequestMessage Admin(Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/rerender")
        {
            Content = new StringContent(random.Next(3) == 0 ? RandomJson(random, 0)?.ToJsonString() ?? "null"
                : $$"""{"dryRun": true, "experiments": [{{JsonSerializer.Serialize(Garbage(random))}}], "createdFrom": {{JsonSerializer.Serialize(Garbage(random))}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", random.Next(2) == 0 ? "Bearer fuzz-admin-token-0123456789" : "Bearer " + Garbage(random, ascii: true));
        return request;
    }

    /// <summary>A valid job with one to four changes: a field removed, a value replaced by an oddity, an unknown field.</summary>
    private static string Mutate(Random random)
    {
        var root = JsonNode.Parse(Valid[random.Next(Valid.Length)])!;
        for (var changes = random.Next(1, 5); changes > 0; changes--)
        {
            var nodes = Walk(root).ToList();
            if (nodes.Count == 0)
            {
                break;
            }
            var target = nodes[random.Next(nodes.Count)];
            switch (random.Next(4))
            {
                case 0 when target.Parent is JsonObject parent:
                    parent.Remove(target.GetPropertyName());
                    break;
                case 1 when target.Parent is JsonObject parent:
                    parent[target.GetPropertyName()] = Oddity(random);
                    break;
                case 2 when target.Parent is JsonArray array:
                    array[target.GetElementIndex()] = Oddity(random);
                    break;
                case 3 when target is JsonObject obj:
                    obj[Garbage(random)] = Oddity(random);
                    break;
            }
        }
        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] })
        {
            if (child is null)
            {
                continue;
            }
            yield return child;
            foreach (var below in Walk(child))
            {
                yield return below;
            }
        }
    }

    private static JsonNode? Oddity(Random random) => Oddities[random.Next(Oddities.Length)]?.DeepClone();

    private static JsonNode? RandomJson(Random random, int depth) => (depth > 4 ? random.Next(4) : random.Next(7)) switch
    {
        0 => null,
        1 => random.NextDouble() * Math.Pow(10, random.Next(-5, 10)),
        2 => Garbage(random),
        3 => random.Next(2) == 0,
        4 => new JsonArray([.. Enumerable.Range(0, random.Next(6)).Select(_ => RandomJson(random, depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(6)).Select(_ => KeyValuePair.Create(
            random.Next(3) == 0 ? Pick(random, "experiment", "data", "render", "options", "constants", "model", "title") : Garbage(random) + random.Next(), RandomJson(random, depth + 1)))
            .DistinctBy(p => p.Key)),
    };

    private static string Truncate(Random random, string json) => json[..random.Next(1, json.Length)];

    private static ByteArrayContent Bytes(Random random)
    {
        var bytes = new byte[random.Next(1, 4000)];
        random.NextBytes(bytes);
        if (random.Next(3) == 0)
        {
            "PK\u0003\u0004"u8.CopyTo(bytes); // looks like a zip (an .xlsx) but is not one
        }
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(Pick(random, "application/json", "application/octet-stream", "text/plain", "multipart/form-data"));
        return content;
    }

    private static string Garbage(Random random, bool ascii = false)
    {
        // Header values stay ASCII: HttpClient will not send anything else.
        var alphabet = ascii ? "abcXYZ019_-./\\%$#@!?&=+*'\"<>{}[]() " : "abcXYZ019_-./\\%$#@!?&=+*'\"<>{}[]() 中文摆长αβ\u00e9\u200b";
        return new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    /// <summary>The gateway's headers, mostly right; sometimes odd (a forged openid, a traversal, language junk, a second content type).</summary>
    private static void Headers(Random random, HttpRequestMessage request, int i)
    {
        request.Headers.TryAddWithoutValidation("X-WX-SOURCE", random.Next(20) == 0 ? "" : "wx_client");
        request.Headers.TryAddWithoutValidation("X-WX-APPID", "wx-integration");
        request.Headers.TryAddWithoutValidation("X-WX-OPENID", random.Next(10) switch
        {
            0 => "",
            1 => "../../" + Garbage(random, ascii: true),
            2 => new string('o', 2000),
            _ => $"fuzz-{i % 50}",
        });
        if (random.Next(5) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", Pick(random, "en", "zh-CN", "xx;q=abc", "*", new string('e', 500), "en-US,en;q=0.9,zh;q=0.8"));
        }
        if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", Garbage(random, ascii: true));
            request.Headers.TryAddWithoutValidation("traceparent", Pick(random, "00-zz-zz-01", Garbage(random, ascii: true), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        }
        if (random.Next(15) == 0 && request.Content is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Encoding", Pick(random, "gzip", "br", "identity", "x-junk"));
        }
    }
}

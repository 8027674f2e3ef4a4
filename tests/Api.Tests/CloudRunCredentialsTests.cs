using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LabCharts.Api.Tests;

/// <summary>
/// <c>Storage:S3:CredentialSource=cloudrun</c> against a stand-in of WeChat Cloud Run's
/// <c>/_/cos/getauth</c> on loopback (the documented answer: TmpSecretId, TmpSecretKey, Token,
/// ExpiredTime) and the S3 test server.
/// </summary>
public sealed class CloudRunCredentialsTests
{
    /// <summary>The stand-in: short-lived keys, a fresh token each time, and an outage switch.</summary>
    private sealed class GetAuthStandIn : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public GetAuthStandIn(int lifetimeSeconds)
        {
            LifetimeSeconds = lifetimeSeconds;
            var port = TestServices.FreePort();
            Url = $"http://127.0.0.1:{port}/_/cos/getauth";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public int LifetimeSeconds { get; }

        public ConcurrentQueue<string> Tokens { get; } = new();

        /// <summary>503 while set; <c>"malformed"</c> answers JSON without the keys.</summary>
        public volatile string? Outage;

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                string body;
                if (Outage == "down")
                {
                    context.Response.StatusCode = 503;
                    body = "{}";
                }
                else if (Outage == "malformed")
                {
                    body = """{"errcode": -1, "errmsg": "system error"}""";
                }
                else
                {
                    var token = "tok-" + Guid.NewGuid().ToString("N");
                    Tokens.Enqueue(token);
                    var expires = DateTimeOffset.UtcNow.AddSeconds(LifetimeSeconds).ToUnixTimeSeconds();
                    // s3rver checks signatures against its own key pair, which the temporary keys therefore are.
                    body = $$"""{"TmpSecretId": "{{TestServices.S3AccessKey}}", "TmpSecretKey": "{{TestServices.S3SecretKey}}", "Token": "{{token}}", "ExpiredTime": {{expires}}}""";
                }
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _loop;
            _listener.Close();
        }
    }

    /// <summary>Every log line any category writes, with its exception.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Sink(LogSink owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }

    private sealed class CloudRunFactory(string authUrl, LogSink logs) : LabChartsFactoryBase
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "labcharts-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:S3:Endpoint", TestServices.S3Endpoint);
            builder.UseSetting("Storage:S3:Bucket", TestServices.S3Bucket);
            builder.UseSetting("Storage:S3:CredentialSource", "cloudrun");
            builder.UseSetting("Storage:S3:CloudRunAuthUrl", authUrl);
            // Keys live 20 s (lifetime below): fetched again in the background within 8 s of their end, at
            // once inside the 5 s expiry buffer; about one fetch every 7 to 12 s.
            builder.UseSetting("Storage:S3:CredentialRefreshBefore", "00:00:08");
            builder.UseSetting("Storage:S3:MaxErrorRetry", "0");
            builder.UseSetting("Storage:Local:Root", _data);
            builder.UseSetting("Sweeper:Enabled", "false");
            builder.UseSetting("Limits:SubmissionsPerMinute", "0");
            builder.UseSetting("Limits:MaxUnfinishedPerOwner", "0");
            builder.UseSetting("Storage:Local:SigningKey", "unused-here-but-required-outside-development");
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs));
        }
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int wait) =>
        client.PostAsync($"/api/jobs?wait={wait}", SampleRequests.Json(SampleRequests.CustomProportional), TestContext.Current.CancellationToken);

    private static HttpClient Gateway(CloudRunFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
        client.DefaultRequestHeaders.Add("X-WX-OPENID", "cloudrun-student");
        return client;
    }

    [Fact]
    public async Task Jobs_UnderLoad_AcrossSeveralKeyRefreshes_AllSucceed_UrlsCarryTheTokenAndEndWithTheKeys_NothingLogged()
    {
        await using var standIn = new GetAuthStandIn(lifetimeSeconds: 20);
        var logs = new LogSink();
        await using var factory = new CloudRunFactory(standIn.Url, logs);
        using var client = Gateway(factory);

        // 25 s of submissions, four at a time: the keys are replaced at least twice meanwhile.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var finished = new ConcurrentBag<JsonElement>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), TestContext.Current.CancellationToken, async (_, cancellationToken) =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(25))
            {
                var response = await SubmitAsync(client, 10);
                // The S3 stand-in (s3rver) drops a request now and then under load: a client honours the 503's Retry-After.
                for (var retry = 0; response.StatusCode == HttpStatusCode.ServiceUnavailable && retry < 3; retry++)
                {
                    response.Dispose();
                    await Task.Delay(1000, cancellationToken);
                    response = await SubmitAsync(client, 10);
                }
                using var answered = response;
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body} tokens={standIn.Tokens.Count}\n" + string.Join("\n", logs.Lines.Where(l => !l.StartsWith("Quartz", StringComparison.Ordinal) && !l.StartsWith("Microsoft.Hosting", StringComparison.Ordinal))));
                var job = JsonDocument.Parse(body).RootElement.Clone();
                // ?wait may answer 202 before the end; the job is then read until it is final.
                for (var poll = 0; job.GetProperty("status").GetString() is "queued" or "running" && poll < 100; poll++)
                {
                    await Task.Delay(200, cancellationToken);
                    job = JsonDocument.Parse(await client.GetStringAsync($"/api/jobs/{job.GetProperty("id").GetString()}", cancellationToken)).RootElement.Clone();
                }
                finished.Add(job);
                await Task.Delay(250, cancellationToken);
            }
        });

        Assert.All(finished, job => Assert.Equal("succeeded", job.GetProperty("status").GetString()));
        // Replaced as they near their end, and not on every request either.
        Assert.InRange(standIn.Tokens.Count, 3, 8);

        // A URL signed now carries the newest token and lives no longer than its keys (≤ 20 s), not the hour of Storage:UrlLifetime.
        var last = finished.Last();
        using var fresh = JsonDocument.Parse(await client.GetStringAsync($"/api/jobs/{last.GetProperty("id").GetString()}", TestContext.Current.CancellationToken));
        var url = new Uri(fresh.RootElement.GetProperty("artifacts")[0].GetProperty("url").GetString()!);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Contains(query["X-Amz-Security-Token"], standIn.Tokens);
        Assert.InRange(int.Parse(query["X-Amz-Expires"]!, CultureInfo.InvariantCulture), 1, standIn.LifetimeSeconds);
        var expiresAt = fresh.RootElement.GetProperty("artifacts")[0].GetProperty("expiresAt").GetDateTimeOffset();
        Assert.True(expiresAt <= DateTimeOffset.UtcNow.AddSeconds(standIn.LifetimeSeconds + 1), $"URL expires at {expiresAt:O}");
        using var http = new HttpClient();
        var png = await http.GetByteArrayAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal((1200, 900), PngHeader.Read(png));

        // The fetches were logged, the keys and tokens never.
        Assert.Contains(logs.Lines, line => line.Contains("Cloud Run COS credentials fetched", StringComparison.Ordinal));
        foreach (var token in standIn.Tokens)
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(logs.Lines, line => line.Contains(TestServices.S3SecretKey + "\"", StringComparison.Ordinal) || line.Contains("TmpSecretKey\":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("down")]
    [InlineData("malformed")]
    public async Task CredentialServiceFailing_SubmissionsAre503WithRetryAfter_ThenWorkWhenItRecovers(string outage)
    {
        await using var standIn = new GetAuthStandIn(lifetimeSeconds: 600) { Outage = outage };
        var logs = new LogSink();
        await using var factory = new CloudRunFactory(standIn.Url, logs);
        using var client = Gateway(factory);

        using var refused = await SubmitAsync(client, 0);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.ServiceUnavailable, "storage_unavailable", $"credential service {outage}");
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains(logs.Lines, line => line.Contains("Cloud Run COS credentials could not be fetched", StringComparison.Ordinal)
            || line.Contains("lack TmpSecretId, TmpSecretKey, Token, ExpiredTime", StringComparison.Ordinal));

        standIn.Outage = null;
        using var accepted = await SubmitAsync(client, 10);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}

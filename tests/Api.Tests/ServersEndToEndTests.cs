using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace LabCharts.Api.Tests;

/// <summary>The API with RabbitMQ and S3 configured (worker embedded): the same contract as the default.</summary>
public sealed class ServersEndToEndTests
{
    private sealed class ServersFactory : LabChartsFactoryBase
    {
        private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

        /// <summary>A factory once both servers are known to answer (CI fails, never skips, without them).</summary>
        public static ServersFactory Start()
        {
            _ = TestServices.RabbitMqUri;
            _ = TestServices.S3Endpoint;
            return new ServersFactory();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Queue:RabbitMq:Uri", TestServices.RabbitMqUri);
            builder.UseSetting("Queue:RabbitMq:InteractiveQueue", $"e2e.jobs.{_suffix}");
            builder.UseSetting("Queue:RabbitMq:BatchQueue", $"e2e.batch.{_suffix}");
            builder.UseSetting("Queue:RabbitMq:DeadLetterQueue", $"e2e.dead.{_suffix}");
            builder.UseSetting("Queue:RabbitMq:DeadLetterExchange", $"e2e.dead.{_suffix}");
            builder.UseSetting("Worker:Embedded", "true");
            builder.UseSetting("Sweeper:Enabled", "false");
            builder.UseSetting("Storage:S3:Endpoint", TestServices.S3Endpoint);
            builder.UseSetting("Storage:S3:Bucket", TestServices.S3Bucket);
            builder.UseSetting("Storage:S3:AccessKey", TestServices.S3AccessKey);
            builder.UseSetting("Storage:S3:SecretKey", TestServices.S3SecretKey);
        }
    }

    [Fact]
    public async Task Submit_PendulumOverRabbitMqAndS3_SucceedsWithPresignedChart()
    {
        await using var factory = ServersFactory.Start();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(SampleRequests.Pendulum), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        var url = new Uri(job.RootElement.GetProperty("artifacts")[0].GetProperty("url").GetString()!);
        Assert.Equal(new Uri(TestServices.S3Endpoint).Port, url.Port);
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);
        using var http = new HttpClient();
        var png = await http.GetByteArrayAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal((1200, 900), PngHeader.Read(png));

        using var ready = await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var files = await client.GetAsync("/files/jobs/x/y/chart.png?exp=1&sig=x", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, files.StatusCode);
    }

    [Fact]
    public async Task AdminHealth_OverRabbitMq_ReportsReadinessAndEachQueuesDepth()
    {
        await using var factory = ServersFactory.Start();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "labcharts-dev-admin");

        // The embedded worker's consumers start beside the API; ask until both lanes have one (or 10 s pass).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement root;
        Dictionary<string, JsonElement> queues;
        do
        {
            root = JsonDocument.Parse(await client.GetStringAsync("/api/admin/health", TestContext.Current.CancellationToken)).RootElement;
            queues = root.GetProperty("queues").EnumerateArray().ToDictionary(q => q.GetProperty("lane").GetString()!, q => q);
            if (queues["interactive"].GetProperty("consumers").GetInt64() >= 1 && queues["batch"].GetProperty("consumers").GetInt64() >= 1)
            {
                break;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal("Healthy", root.GetProperty("status").GetString());
        var checks = root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("queue", checks);
        Assert.Contains("storage", checks);
        Assert.Equal(["interactive", "batch", "dead"], queues.Keys);
        Assert.StartsWith("e2e.jobs.", queues["interactive"].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.True(queues["interactive"].GetProperty("consumers").GetInt64() >= 1, "the embedded worker consumes the interactive lane");
        Assert.True(queues["batch"].GetProperty("consumers").GetInt64() >= 1, "and the batch lane");
        Assert.Equal(0, queues["dead"].GetProperty("messages").GetInt64());
    }
}

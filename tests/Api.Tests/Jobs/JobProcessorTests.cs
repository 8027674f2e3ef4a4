using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>The pipeline driven directly, as a queue consumer would drive it.</summary>
public sealed class JobProcessorTests : IDisposable
{
    // The tests drive the processor by hand: the sweeper's start-up pass must not hand their jobs
    // to the embedded worker as well.
    private readonly LabChartsFactory _factory = new(settings: new Dictionary<string, string> { ["Sweeper:Enabled"] = "false" });

    public void Dispose() => _factory.Dispose();

    private async Task<JobRecord> CreateAsync(string body)
    {
        _ = _factory.Server; // start the host
        var records = _factory.Services.GetRequiredService<JobRecordStore>();
        var now = DateTimeOffset.UtcNow;
        var record = new JobRecord
        {
            Id = JobId.New(now), Owner = "utest", Experiment = "pendulum",
            Status = JobStatus.Queued, CreatedAt = now, UpdatedAt = now,
        };
        var request = JsonSerializer.Deserialize(body, LabChartsJson.Default.JobRequest)!;
        await records.CreateAsync(record, request, TestContext.Current.CancellationToken);
        return record;
    }

    private async Task<JobOutcome> ProcessAsync(JobRecord record, int delivery)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<JobProcessor>();
        return await processor.ProcessAsync(new JobMessage(record.Id, record.Owner), delivery, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Process_Redelivered_IsIdempotent()
    {
        var record = await CreateAsync(SampleRequests.Pendulum);
        var chartPath = Path.Combine(_factory.DataRoot, "jobs", record.Owner, record.Id, "chart.png");

        Assert.Equal(JobOutcome.Done, await ProcessAsync(record, 1));
        var recordBytes = await File.ReadAllBytesAsync(Path.Combine(_factory.DataRoot, "jobs", record.Owner, record.Id, "record.json"), TestContext.Current.CancellationToken);
        var chartBytes = await File.ReadAllBytesAsync(chartPath, TestContext.Current.CancellationToken);
        Assert.Equal(JobOutcome.Done, await ProcessAsync(record, 2));

        var stored = await _factory.Services.GetRequiredService<JobRecordStore>().GetAsync(record.Owner, record.Id, TestContext.Current.CancellationToken);
        Assert.Equal(JobStatus.Succeeded, stored!.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(recordBytes, await File.ReadAllBytesAsync(Path.Combine(_factory.DataRoot, "jobs", record.Owner, record.Id, "record.json"), TestContext.Current.CancellationToken));
        Assert.Equal(chartBytes, await File.ReadAllBytesAsync(chartPath, TestContext.Current.CancellationToken));
        Assert.Equal(["chart.png", "record.json", "request.json"],
            Directory.GetFiles(Path.GetDirectoryName(chartPath)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Process_InvalidStoredRequest_EndsFailedWithCode()
    {
        // A request that passed an older validator but not today's still ends with a clear code.
        var record = await CreateAsync("""{"experiment": "pendulum", "data": {"L": {"values": [0.5, 0.6, 0.7]}}}""");

        Assert.Equal(JobOutcome.Done, await ProcessAsync(record, 1));

        var stored = await _factory.Services.GetRequiredService<JobRecordStore>().GetAsync(record.Owner, record.Id, TestContext.Current.CancellationToken);
        Assert.Equal(JobStatus.Failed, stored!.Status);
        Assert.Equal("missing_column", stored.Error!.Code);
        Assert.NotNull(stored.FinishedAt);
    }

    [Fact]
    public async Task Process_UnknownJob_IsDoneWithoutWriting()
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<JobProcessor>();

        var outcome = await processor.ProcessAsync(new JobMessage(JobId.New(DateTimeOffset.UtcNow), "utest"), 1, TestContext.Current.CancellationToken);

        Assert.Equal(JobOutcome.Done, outcome);
        Assert.False(Directory.Exists(Path.Combine(_factory.DataRoot, "jobs")));
    }
}

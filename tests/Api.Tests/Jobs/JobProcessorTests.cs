using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs;
using LabCharts.Jobs.Batches;
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

    private async Task<JobRecord> CreateAsync(string body, string owner = "utest")
    {
        _ = _factory.Server; // start the host
        var records = _factory.Services.GetRequiredService<JobRecordStore>();
        var now = DateTimeOffset.UtcNow;
        var record = new JobRecord
        {
            Id = JobId.New(now), Owner = owner, Experiment = "pendulum",
            Status = JobStatus.Queued, CreatedAt = now, UpdatedAt = now,
        };
        var request = JsonSerializer.Deserialize(body, LabChartsJson.Default.JobRequest)!;
        await records.CreateAsync(record, request, TestContext.Current.CancellationToken);
        return record;
    }

    private async Task<JobOutcome> ProcessAsync(JobRecord record, int delivery, string? batchId = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<JobProcessor>();
        var message = batchId is null ? new JobMessage(record.Id, record.Owner) : new JobMessage(record.Id, record.Owner, JobLane.Batch, batchId);
        return await processor.ProcessAsync(message, delivery, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task BatchCpu_RunsBatchWorkAtTheLowestPriority_StudentsWorkStaysAtNormal()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "thread niceness is a Linux feature");
        _ = _factory.Server;
        var cpu = _factory.Services.GetRequiredService<BatchCpu>();

        var batchNice = await cpu.RunAsync(BatchCpu.CurrentNice);
        var callerNice = BatchCpu.CurrentNice();

        Assert.Equal(19, batchNice);
        Assert.NotNull(callerNice);
        Assert.True(callerNice < 19, $"the test's own thread is at nice {callerNice}");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cpu.RunAsync<int>(() => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task BatchView_ACountLostInAWorkerCrash_IsMadeGoodFromTheDoneMarkers_AndTheEndedViewIsKept()
    {
        const string owner = "u0123456789abcdef0123456789abcdef";
        var ct = TestContext.Current.CancellationToken;
        var first = await CreateAsync(SampleRequests.Pendulum, owner);
        var second = await CreateAsync(SampleRequests.Pendulum, owner);
        Assert.Equal(JobOutcome.Done, await ProcessAsync(first, 1));
        Assert.Equal(JobOutcome.Done, await ProcessAsync(second, 1));
        var batches = _factory.Services.GetRequiredService<BatchStore>();
        var service = _factory.Services.GetRequiredService<BatchService>();
        var records = _factory.Services.GetRequiredService<JobRecordStore>();
        // A batch of both jobs, already published (driven by hand here, as a worker would see it).
        var now = DateTimeOffset.UtcNow;
        var batch = new BatchRecord
        {
            Id = JobId.New(now), Filter = new BatchFilter { Owner = owner, Status = JobStatus.Succeeded }, State = BatchState.Running,
            CreatedBy = "test", CreatedAt = now, StartedAt = now, Total = 2, Published = 2, PublishedAt = now,
        };
        await batches.SaveAsync(batch, ct);

        // The first job is re-rendered and counted. The second was re-rendered by a worker that crashed
        // before it counted it: its record says so, and the redelivery only writes its done marker.
        Assert.Equal(JobOutcome.Done, await ProcessAsync(first, 1, batch.Id));
        var stored = (await records.GetAsync(owner, second.Id, ct))!;
        await records.SaveAsync(stored with
        {
            RenderVersion = 2, BatchId = batch.Id, History = [.. stored.History, new JobRun(DateTimeOffset.UtcNow, 2, JobStatus.Succeeded, batch.Id)],
        }, ct);
        Assert.Equal(JobOutcome.Done, await ProcessAsync(second, 2, batch.Id));

        var running = (await service.ViewAsync(batch.Id, ct))!;
        Assert.Equal(BatchState.Running, running.State);
        Assert.Equal(1, running.Succeeded); // the workers' running counts
        await Task.Delay(BatchService.SettleAfter + TimeSpan.FromMilliseconds(500), ct);

        var ended = (await service.ViewAsync(batch.Id, ct))!;
        Assert.Equal(BatchState.Succeeded, ended.State);
        Assert.Equal((2, 0, 0), (ended.Succeeded, ended.Failed, ended.Skipped));
        Assert.NotNull(ended.FinishedAt);
        Assert.True(File.Exists(Path.Combine(_factory.DataRoot, "batch-runs", batch.Id, "final.json")));
        Assert.Equal(ended, (await service.ViewAsync(batch.Id, ct))! with { Failures = ended.Failures });
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

using System.Text.Json;
using LabCharts.Api.Http;
using LabCharts.Api.Identity;
using LabCharts.Jobs;
using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace LabCharts.Api.Apis;

/// <summary>
/// <c>/api/admin</c>: batch re-renders of stored jobs. Every route needs admin access
/// (<see cref="AdminAccess"/>) and writes one audit line per action.
/// </summary>
public static class AdminApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin")
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<AdminAccess>().FilterAsync(context, next));
        admin.MapPost("/rerender", RerenderAsync)
            .WithSummary("Re-render the stored jobs a filter matches (dryRun: count them and show the first 20).");
        admin.MapGet("/batches/{id}", GetAsync).WithSummary("A batch: state, counts, failures, throughput, time left.");
        admin.MapGet("/batches", ListAsync).WithSummary("Batches, newest first, paged.");
        admin.MapGet("/health", HealthAsync).WithSummary("Readiness of storage and queue, and each queue's depth.");
        admin.MapPost("/batches/{id}/cancel", CancelAsync).WithSummary("Stop publishing a batch at once; its queued jobs are skipped.");
        return app;
    }

    /// <summary><c>POST /api/admin/rerender</c>.</summary>
    public static async Task<Results<Accepted<BatchAccepted>, Ok<BatchDryRun>, ProblemHttpResult>> RerenderAsync(
        HttpRequest request, BatchService batches, BatchStore store, ISchedulerFactory schedulers, IOptions<ApiOptions> options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            var body = await ReadBodyAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
            var filter = BatchService.ToFilter(body);
            var logger = loggers.CreateLogger(typeof(AdminApi));
            var who = AdminAccess.Who(request.HttpContext);
            var filterJson = JsonSerializer.Serialize(filter, LabChartsJson.Default.BatchFilter);
            if (body.DryRun)
            {
                var matching = await batches.ScanAsync(filter, cancellationToken);
                logger.LogInformation("Admin audit: {Who} dry-ran a re-render of {Filter}: {Total} jobs", who, filterJson, matching.Count);
                return TypedResults.Ok(new BatchDryRun(matching.Count, [.. matching.Take(20).Select(job => job.JobId)]));
            }
            // Once begun, a batch is made whole even if the caller stops waiting for the answer. The
            // scan runs in the publishing job; a store small enough is scanned before the answer
            // (with the total), a large one is answered at once, still scanning.
            var batch = await batches.BeginAsync(filter, who, CancellationToken.None);
            await BatchPublishJob.ScheduleAsync(schedulers, batch.Id, CancellationToken.None);
            logger.LogInformation("Admin audit: {Who} started re-render batch {BatchId} of {Filter}", who, batch.Id, filterJson);
            var total = await TotalWithinAsync(store, batch.Id, TimeSpan.FromSeconds(options.Value.RerenderScanWaitSeconds), cancellationToken);
            var statusUrl = $"/api/admin/batches/{batch.Id}";
            return TypedResults.Accepted(statusUrl, new BatchAccepted(batch.Id, total, statusUrl));
        }
        catch (ProblemException error)
        {
            return error.Problem.ToResult(request);
        }
    }

    // The batch's total once its scan is done, or null when that takes longer than the wait.
    private static async Task<int?> TotalWithinAsync(BatchStore store, string batchId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            if (await store.GetAsync(batchId, cancellationToken) is { State: not BatchState.Scanning } batch)
            {
                return batch.Total;
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>
    /// <c>GET /api/admin/health</c>: the readiness checks (as <c>/healthz/ready</c> runs them) and the depth
    /// of each queue; a broker that does not answer leaves <c>queues</c> out and says why.
    /// </summary>
    public static async Task<Ok<AdminHealth>> HealthAsync(
        HealthCheckService health, IQueueDepths depths, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(LabChartsHostDefaults.ReadyTag), cancellationToken);
        IReadOnlyList<QueueDepth>? queues = null;
        string? queueError = null;
        try
        {
            queues = await depths.GetAsync(cancellationToken);
        }
        catch (QueueUnavailableException)
        {
            queueError = "queue_unavailable";
        }
        return TypedResults.Ok(new AdminHealth(
            report.Status.ToString(),
            [.. report.Entries.Select(entry => new AdminHealthCheck(entry.Key, entry.Value.Status.ToString(), entry.Value.Duration.TotalMilliseconds))],
            queues, queueError));
    }

    /// <summary>The health panel's answer.</summary>
    public sealed record AdminHealth(string Status, IReadOnlyList<AdminHealthCheck> Checks, IReadOnlyList<QueueDepth>? Queues, string? QueueError);

    /// <summary>One readiness check: name (<c>storage</c>, <c>queue</c>), <c>Healthy</c>/<c>Unhealthy</c>, how long it took.</summary>
    public sealed record AdminHealthCheck(string Name, string Status, double Milliseconds);

    /// <summary><c>GET /api/admin/batches/{id}</c>.</summary>
    public static async Task<Results<Ok<BatchView>, ProblemHttpResult>> GetAsync(
        string id, HttpRequest request, BatchService batches, CancellationToken cancellationToken) =>
        await batches.ViewAsync(id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : ProblemCatalog.BatchNotFound().ToResult(request);

    /// <summary><c>GET /api/admin/batches?page=1&amp;pageSize=20</c>.</summary>
    public static async Task<Results<Ok<BatchPage>, ProblemHttpResult>> ListAsync(
        HttpRequest request, BatchStore store, BatchService batches, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 100)
        {
            return ProblemCatalog.InvalidValue("page", "page ≥ 1，pageSize 在 1–100 之间。", "page ≥ 1 and pageSize 1–100.")
                .ToResult(request);
        }
        var (ids, total) = await store.ListAsync(page, pageSize, cancellationToken);
        var views = new List<BatchView>();
        foreach (var id in ids)
        {
            if (await batches.ViewAsync(id, cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }
        return TypedResults.Ok(new BatchPage(views, page, pageSize, total));
    }

    /// <summary><c>POST /api/admin/batches/{id}/cancel</c>.</summary>
    public static async Task<Results<Ok<BatchView>, ProblemHttpResult>> CancelAsync(
        string id, HttpRequest request, BatchService batches, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            await batches.CancelAsync(id, cancellationToken);
            loggers.CreateLogger(typeof(AdminApi)).LogInformation("Admin audit: {Who} cancelled batch {BatchId}",
                AdminAccess.Who(request.HttpContext), id);
            return TypedResults.Ok((await batches.ViewAsync(id, cancellationToken))!);
        }
        catch (ProblemException error)
        {
            return error.Problem.ToResult(request);
        }
    }

    private static async Task<RerenderBody> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadAsync(request, limit, cancellationToken);
        if (body.IsEmpty)
        {
            return new RerenderBody();
        }
        try
        {
            return JsonSerializer.Deserialize(body.Span, LabChartsJson.Default.RerenderBody) ?? new RerenderBody();
        }
        catch (JsonException error)
        {
            throw new ProblemException(JobRequestJson.ToProblem(error), error);
        }
    }
}

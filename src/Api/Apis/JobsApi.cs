using LabCharts.Api.Http;
using LabCharts.Api.Identity;
using LabCharts.Api.Limits;
using LabCharts.Jobs.Identity;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Submission;
using LabCharts.Jobs.Validation;
using LabCharts.Jobs.Views;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Apis;

/// <summary><c>/api/jobs</c>: submit, read, list the caller's jobs (the contract: docs/api.md).</summary>
public static class JobsApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs");
        jobs.MapPost("/", SubmitAsync)
            .RequireRateLimiting(SubmissionLimits.Policy)
            .WithSummary("Submit a job; ?wait=N (≤ 10 s) answers 200 with the finished job if it completes in time.");
        jobs.MapGet("/{id}", GetAsync).WithSummary("The caller's job, with fresh signed artifact URLs.");
        jobs.MapGet("/{id}/request", GetRequestAsync).WithSummary("The request the caller submitted for the job (to edit and submit again).");
        jobs.MapGet("/", ListAsync).WithSummary("The caller's jobs, newest first, paged.");
        return app;
    }

    /// <summary><c>POST /api/jobs</c>.</summary>
    public static async Task<Results<Ok<JobView>, Accepted<JobAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request,
        GatewayIdentity identity,
        JobSubmitter submitter,
        JobRecordStore records,
        JobCompletionSignal completion,
        JobViews views,
        IOptions<ApiOptions> options,
        IOptions<SubmissionLimitsOptions> limits,
        string? wait,
        CancellationToken cancellationToken)
    {
        try
        {
            var caller = identity.Resolve(request) ?? throw new ProblemException(ProblemCatalog.Unauthenticated());
            var waitFor = ParseWait(wait, options.Value.MaxWaitSeconds);
            var body = await RequestBodyReader.ReadJobRequestAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
            var validated = JobRequestValidator.Validate(body);
            if (limits.Value.MaxUnfinishedPerOwner is > 0 and var cap
                && await records.CountPendingAsync(caller.Owner, cap, cancellationToken) >= cap)
            {
                request.HttpContext.Response.Headers.RetryAfter = limits.Value.UnfinishedRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ProblemCatalog.TooManyUnfinished(cap).ToResult(request);
            }

            var record = submitter.NewRecord(caller.Owner, validated.Input.Experiment, validated.Input.Title);
            var completed = completion.WhenCompleted(record.Id);
            try
            {
                try
                {
                    await submitter.SubmitAsync(record, body, cancellationToken);
                }
                catch (QueueUnavailableException error)
                {
                    request.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobsApi))
                        .LogWarning("/api/jobs answered 503 queue_unavailable: {Reason}", error.Message);
                    request.HttpContext.Response.Headers.RetryAfter = "5";
                    return ProblemCatalog.QueueUnavailable().ToResult(request);
                }

                if (waitFor > TimeSpan.Zero
                    && await WaitForFinalAsync(records, caller, record.Id, completed, waitFor, cancellationToken) is { } finished)
                {
                    // A request only the fit could reject ends as a failed job, and a waiting caller gets
                    // the same problem (400, same code and message) a submission-time check would give.
                    return finished is { Status: JobStatus.Failed, Error: { IsInputError: true } error }
                        ? error.ToProblem().ToResult(request)
                        : TypedResults.Ok(views.ToView(finished, request));
                }
                var statusUrl = JobViews.StatusPath(record.Id);
                return TypedResults.Accepted(statusUrl, new JobAccepted(record.Id, JobStatus.Queued, statusUrl));
            }
            finally
            {
                completion.Forget(record.Id);
            }
        }
        catch (ProblemException error)
        {
            return error.Problem.ToResult(request);
        }
    }

    /// <summary><c>GET /api/jobs/{id}</c>: another caller's job is a 404, exactly like a missing one.</summary>
    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(
        string id, HttpRequest request, GatewayIdentity identity, JobRecordStore records, JobViews views,
        CancellationToken cancellationToken)
    {
        if (identity.Resolve(request) is not { } caller)
        {
            return ProblemCatalog.Unauthenticated().ToResult(request);
        }
        var record = await records.GetAsync(caller.Owner, id, cancellationToken);
        return record is null
            ? ProblemCatalog.JobNotFound().ToResult(request)
            : TypedResults.Ok(views.ToView(record, request));
    }

    /// <summary><c>GET /api/jobs/{id}/request</c>: the stored request, as the caller's own job only.</summary>
    public static async Task<IResult> GetRequestAsync(
        string id, HttpRequest request, GatewayIdentity identity, JobRecordStore records, CancellationToken cancellationToken)
    {
        if (identity.Resolve(request) is not { } caller)
        {
            return ProblemCatalog.Unauthenticated().ToResult(request);
        }
        return await records.GetRequestAsync(caller.Owner, id, cancellationToken) is { } stored
            ? TypedResults.Json(stored, LabCharts.Jobs.LabChartsJson.Default.JobRequest)
            : ProblemCatalog.JobNotFound().ToResult(request);
    }

    /// <summary><c>GET /api/jobs?page=1&amp;pageSize=20</c>.</summary>
    public static async Task<Results<Ok<JobPage>, ProblemHttpResult>> ListAsync(
        HttpRequest request, GatewayIdentity identity, JobRecordStore records, JobViews views,
        CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (identity.Resolve(request) is not { } caller)
        {
            return ProblemCatalog.Unauthenticated().ToResult(request);
        }
        if (page < 1 || pageSize is < 1 or > 100)
        {
            return ProblemCatalog.InvalidValue("page", "page ≥ 1，pageSize 在 1–100 之间。", "page ≥ 1 and pageSize 1–100.")
                .ToResult(request);
        }
        var (items, total) = await records.ListAsync(caller.Owner, page, pageSize, cancellationToken);
        return TypedResults.Ok(new JobPage([.. items.Select(record => views.ToView(record, request))], page, pageSize, total));
    }

    private static TimeSpan ParseWait(string? wait, int maxSeconds)
    {
        if (string.IsNullOrEmpty(wait))
        {
            return TimeSpan.Zero;
        }
        if (!double.TryParse(wait, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds < 0)
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("wait",
                $"须为 0–{maxSeconds} 的秒数。", $"must be a number of seconds, 0–{maxSeconds}."));
        }
        // Capped rather than refused: a client asking for more gets the most we can give.
        return TimeSpan.FromSeconds(Math.Min(seconds, maxSeconds));
    }

    /// <summary>
    /// Waits for the job's record to become final: woken at once by the job's final event,
    /// and reading the record every 200 ms in case an event is lost.
    /// </summary>
    private static async Task<JobRecord?> WaitForFinalAsync(
        JobRecordStore records, Caller caller, string jobId, Task completed, TimeSpan waitFor, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(waitFor);
        try
        {
            // The job's final event ends the wait at once; reading the record is the fallback for an event
            // that never comes, so its interval doubles (0.2, 0.4, 0.8, 1.6, 2 s …): under a backlog, every
            // waiting request polling the store five times a second would take the store's capacity from
            // the workers (bench/E2e measured that collapse).
            var interval = TimeSpan.FromMilliseconds(200);
            while (true)
            {
                // Once the final event has come, only the poll delay remains between reads.
                await (completed.IsCompleted
                    ? Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token)
                    : Task.WhenAny(completed, Task.Delay(interval, deadline.Token)));
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                try
                {
                    if (await records.GetAsync(caller.Owner, jobId, deadline.Token) is { Status: JobStatus.Succeeded or JobStatus.Failed } record)
                    {
                        return record;
                    }
                }
                catch (StorageUnavailableException)
                {
                    // One read the store dropped is no answer: the job is accepted and runs, so read again
                    // until the deadline, then answer 202 with its id (never an error that would make the
                    // client submit it again).
                }
                deadline.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

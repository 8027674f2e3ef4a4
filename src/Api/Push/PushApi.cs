using System.Text;
using LabCharts.Api.Apis;
using LabCharts.Api.Identity;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Records;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Push;

/// <summary>
/// The live channel (the protocol: docs/push.md): <c>GET /ws</c> (WebSocket; a plain GET answers
/// <c>200</c>, as the platform probes the path), <c>POST /api/push/ticket</c> (for sockets the gateway
/// sends without identity) and <c>GET /api/jobs/{id}/events</c> (Server-Sent Events for browsers).
/// </summary>
public static class PushApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ws", SocketAsync).WithTags("Push").ExcludeFromDescription();
        app.MapPost("/api/push/ticket", Ticket).WithTags("Push")
            .WithSummary("A short-lived ticket for a WebSocket that arrives without the gateway's identity.");
        app.MapGet("/api/jobs/{id}/events", EventsAsync).WithTags("Jobs")
            .WithSummary("The job's state now and every transition until it ends, as Server-Sent Events.");
        return app;
    }

    private static async Task<IResult> SocketAsync(HttpContext context, GatewayIdentity identity, PushHub hub, PushTickets tickets,
        IOptions<PushOptions> options, TimeProvider time, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Text("ok");
        }
        var owner = identity.Resolve(context.Request)?.Owner;
        var view = ViewContext.Of(context.Request);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await PushSocket.RunAsync(socket, owner, view, hub, tickets, options.Value, time, loggers.CreateLogger<PushSocket>(), stop.Token);
        return Results.Empty;
    }

    private static IResult Ticket(HttpRequest request, GatewayIdentity identity, PushTickets tickets)
    {
        if (identity.Resolve(request) is not { } caller)
        {
            return ProblemCatalog.Unauthenticated().ToResult(request);
        }
        var (ticket, expiresAt) = tickets.Issue(caller.Owner);
        return TypedResults.Ok(new PushTicket(ticket, expiresAt, "/ws"));
    }

    private static async Task<IResult> EventsAsync(string id, HttpContext context, GatewayIdentity identity, JobRecordStore records,
        JobViews views, PushHub hub, IOptions<PushOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        var request = context.Request;
        if (identity.Resolve(request) is not { } caller)
        {
            return ProblemCatalog.Unauthenticated().ToResult(request);
        }
        // Registered before the record is read, so no transition falls between the two.
        var stream = new PushStream(caller.Owner, id, ViewContext.Of(request), options.Value.SendQueueLimit);
        if (hub.TryAdd(stream) != PushAdmission.Admitted)
        {
            return ProblemCatalog.TooManyConnections().ToResult(request);
        }
        try
        {
            if (await records.GetAsync(caller.Owner, id, context.RequestAborted) is not { } record)
            {
                return ProblemCatalog.JobNotFound().ToResult(request);
            }
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.WriteAsync("retry: 3000\n\n", context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            // The state now, then every transition.
            stream.Send(PushMessages.Job(views.ToView(record, stream.View), null), record.Status, record.UpdatedAt);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            await stream.WriteAsync(response, TimeSpan.FromSeconds(Math.Max(1, options.Value.HeartbeatSeconds)), time, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The browser went away, or the server is stopping: EventSource reconnects and gets the state anew.
        }
        finally
        {
            hub.Remove(stream);
        }
        return Results.Empty;
    }
}

/// <summary><c>POST /api/push/ticket</c>: present <c>ticket</c> in the socket's first message, before <c>expiresAt</c>.</summary>
public sealed record PushTicket(string Ticket, DateTimeOffset ExpiresAt, string SocketPath);

/// <summary>One browser's event stream of one job: the same messages as the WebSocket, ending with the job's final state.</summary>
public sealed class PushStream(string owner, string streamedJobId, ViewContext view, int queueLimit) : PushSubscriber(owner, view, queueLimit)
{
    /// <inheritdoc />
    public override bool Wants(string jobId) => string.Equals(jobId, streamedJobId, StringComparison.Ordinal);

    /// <summary>Writes the outbox as SSE events, a heartbeat when idle, and ends after the job's final state.</summary>
    public async Task WriteAsync(HttpResponse response, TimeSpan heartbeat, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        using var beat = new PeriodicTimer(heartbeat, time);
        _ = Task.Run(async () =>
        {
            try
            {
                while (await beat.WaitForNextTickAsync(cancellationToken))
                {
                    Send(PushMessages.Heartbeat(time.GetUtcNow()));
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        await foreach (var frame in OutboxAsync(cancellationToken))
        {
            await response.WriteAsync($"event: {frame.Type}\ndata: {Encoding.UTF8.GetString(frame.Json)}\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            if (frame.Final)
            {
                return;
            }
        }
    }
}

using System.Net.WebSockets;
using System.Text.Json;
using LabCharts.Api.Apis;

namespace LabCharts.Api.Push;

/// <summary>
/// One WebSocket of <c>/ws</c>: authenticates it (gateway identity on the upgrade, or a ticket in the
/// first message within <see cref="PushOptions.AuthTimeoutSeconds"/>), registers it with the hub, and
/// then runs three loops until either side closes: writing the outbox, heartbeats, and reading the
/// client's messages (<c>watch</c>, <c>ping</c>).
/// </summary>
public sealed class PushSocket : PushSubscriber, IDisposable
{
    /// <summary>Close code: no identity and no valid ticket in time.</summary>
    public const WebSocketCloseStatus Unauthenticated = (WebSocketCloseStatus)4401;

    /// <summary>Close code: the user or this process holds as many connections as allowed.</summary>
    public const WebSocketCloseStatus TooManyConnections = (WebSocketCloseStatus)4429;

    private readonly WebSocket _socket;
    private readonly PushHub _hub;
    private readonly PushOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private DateTimeOffset _lastWatch = DateTimeOffset.MinValue;

    private PushSocket(WebSocket socket, string owner, ViewContext view, PushHub hub, PushOptions options, TimeProvider time)
        : base(owner, view, options.SendQueueLimit)
    {
        _socket = socket;
        _hub = hub;
        _options = options;
        _time = time;
    }

    /// <summary>Runs an accepted socket to its end. <paramref name="owner"/> is null when the upgrade carried no identity.</summary>
    public static async Task RunAsync(WebSocket socket, string? owner, ViewContext view, PushHub hub, PushTickets tickets,
        PushOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        owner ??= await AuthenticateAsync(socket, tickets, options, cancellationToken);
        if (owner is null)
        {
            await CloseAsync(socket, Unauthenticated, "unauthenticated");
            return;
        }
        using var session = new PushSocket(socket, owner, view, hub, options, time);
        var admission = hub.TryAdd(session);
        if (admission != PushAdmission.Admitted)
        {
            logger.LogInformation("Push connection refused: {Admission}", admission);
            await CloseAsync(socket, TooManyConnections,
                admission == PushAdmission.TooManyForUser ? "too many connections for this user" : "too many connections");
            return;
        }
        try
        {
            await session.RunAsync(cancellationToken);
        }
        finally
        {
            hub.Remove(session);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sending.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource();
        Send(PushMessages.Ready(_options.HeartbeatSeconds));
        var writing = WriteAsync(stop.Token);
        var beating = HeartbeatAsync(stop.Token);
        // A pending receive is never cancelled (that aborts a WebSocket): the server's close makes the
        // client close, and that ends the receive.
        try
        {
            await using (cancellationToken.Register(() => _ = CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "server stopping")))
            {
                var (status, reason) = await ReadAsync();
                if (status != WebSocketCloseStatus.NormalClosure)
                {
                    await CloseOutputAsync(status, reason);
                }
            }
        }
        finally
        {
            // Whatever ended the reading, the outbox, the writer and the heartbeat end with it.
            Complete();
            await stop.CancelAsync();
            await Task.WhenAll(Quietly(writing), Quietly(beating));
        }
        await CloseAsync(_socket, WebSocketCloseStatus.NormalClosure, "");
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await foreach (var frame in OutboxAsync(cancellationToken))
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await _socket.SendAsync(frame.Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sending.Release();
            }
        }
    }

    // Sends the close frame (one send at a time with the outbox's), leaving the receive to see the answer.
    private async Task CloseOutputAsync(WebSocketCloseStatus status, string reason)
    {
        try
        {
            await _sending.WaitAsync();
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(status, reason, CancellationToken.None);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, _options.HeartbeatSeconds)), _time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Send(PushMessages.Heartbeat(_time.GetUtcNow()));
        }
    }

    /// <summary>Reads the client's messages until it closes; returns how to close.</summary>
    private async Task<(WebSocketCloseStatus, string)> ReadAsync()
    {
        var buffer = new byte[_options.MaxClientMessageBytes];
        while (true)
        {
            (WebSocketMessageType? type, int length) received;
            try
            {
                received = await ReceiveAsync(_socket, buffer, CancellationToken.None);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away without a close, or stopped answering pings (the keep-alive timed out).
                return (WebSocketCloseStatus.NormalClosure, "");
            }
            var (type, length) = received;
            switch (type)
            {
                case WebSocketMessageType.Close:
                    return (WebSocketCloseStatus.NormalClosure, "");
                case WebSocketMessageType.Binary:
                    return (WebSocketCloseStatus.InvalidMessageType, "text frames only");
                case null:
                    return (WebSocketCloseStatus.MessageTooBig, $"messages are at most {buffer.Length} bytes");
            }
            await HandleAsync(buffer.AsMemory(0, length), CancellationToken.None);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ClientMessage parsed;
        try
        {
            parsed = ClientMessage.Parse(message.Span, _options.MaxWatchIds);
        }
        catch (JsonException)
        {
            Send(PushMessages.Error("malformed_message", View.English
                ? "Messages are JSON objects with a type: watch, ping."
                : "消息须为带 type 的 JSON 对象：watch 或 ping。"));
            return;
        }
        try
        {
            await HandleAsync(parsed, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // e.g. a record that cannot be read: the client hears of it, the socket stays.
            Send(PushMessages.Error("internal_error", View.English ? "Something went wrong; try again." : "服务出错，请重试。"));
        }
    }

    private async Task HandleAsync(ClientMessage parsed, CancellationToken cancellationToken)
    {
        switch (parsed.Type)
        {
            case "watch" when parsed.Ids is { } ids:
                // At most one watch per 200 ms: each id is a storage read.
                var now = _time.GetUtcNow();
                if (now - _lastWatch < TimeSpan.FromMilliseconds(200))
                {
                    Send(PushMessages.Error("too_many_requests", View.English
                        ? "One watch per 200 ms at most; send all ids in one message."
                        : "watch 过于频繁：每 200 毫秒至多一次，请把所有 id 放在一条消息里。"));
                    break;
                }
                _lastWatch = now;
                await _hub.SendCurrentAsync(this, ids, cancellationToken);
                break;
            case "watch":
                Send(PushMessages.Error("invalid_value", View.English
                    ? $"ids: an array of at most {_options.MaxWatchIds} job ids."
                    : $"ids：至多 {_options.MaxWatchIds} 个任务 id 的数组。"));
                break;
            case "ping":
                Send(PushMessages.Pong);
                break;
            case "auth":
                break; // already authenticated: a client that always sends its ticket first is welcome
            default:
                Send(PushMessages.Error("unknown_message", View.English
                    ? "Unknown message type; the types are watch and ping."
                    : "未知的消息类型；可用的类型为 watch、ping。"));
                break;
        }
    }

    // Waits for {"type":"auth","ticket":"…"} as the first message, within the time allowed. The receive
    // is raced against the clock, not cancelled (a cancelled receive aborts the socket, and the client
    // would see 1006 instead of the close code).
    private static async Task<string?> AuthenticateAsync(WebSocket socket, PushTickets tickets, PushOptions options, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(options.MaxClientMessageBytes, 4096)];
        var receive = ReceiveAsync(socket, buffer, CancellationToken.None);
        try
        {
            await receive.WaitAsync(TimeSpan.FromSeconds(options.AuthTimeoutSeconds), cancellationToken);
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            await CloseAsync(socket, Unauthenticated, "unauthenticated", receive);
            return null;
        }
        catch (WebSocketException)
        {
            return null;
        }
        var (type, length) = await receive;
        if (type != WebSocketMessageType.Text)
        {
            return null;
        }
        try
        {
            var message = ClientMessage.Parse(buffer.AsSpan(0, length), options.MaxWatchIds);
            return message.Type == "auth" ? tickets.Verify(message.Ticket) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One whole message into <paramref name="buffer"/>; null type when it does not fit.</summary>
    private static async Task<(WebSocketMessageType? Type, int Length)> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                return (null, length);
            }
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            length += result.Count;
            if (result.MessageType == WebSocketMessageType.Close || result.EndOfMessage)
            {
                return (result.MessageType, length);
            }
        }
    }

    // Closes the socket: sends the close frame and waits (a little) for the client's; with a receive
    // still pending, waits for that receive to see the client's close instead.
    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason, Task? pendingReceive = null)
    {
        try
        {
            if (pendingReceive is null)
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseAsync(status, reason, timeout.Token);
                }
                return;
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, CancellationToken.None);
            }
            await pendingReceive.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // The client is gone already, or did not answer the close.
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}

/// <summary>A message from a client: <c>{"type":"watch","ids":[…]}</c>, <c>{"type":"ping"}</c>, <c>{"type":"auth","ticket":"…"}</c>.</summary>
internal sealed record ClientMessage(string? Type, IReadOnlyList<string>? Ids, string? Ticket)
{
    /// <summary>Reads what LabCharts understands of a message; throws <see cref="JsonException"/> when it is not a JSON object.</summary>
    public static ClientMessage Parse(ReadOnlySpan<byte> json, int maxIds)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("not an object");
        }
        try
        {
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            List<string>? ids = null;
            if (root.TryGetProperty("ids", out var array) && array.ValueKind == JsonValueKind.Array && array.GetArrayLength() <= maxIds
                && array.EnumerateArray().All(id => id.ValueKind == JsonValueKind.String))
            {
                ids = [.. array.EnumerateArray().Select(id => id.GetString()!)];
            }
            return new ClientMessage(Text("type"), ids, Text("ticket"));
        }
        catch (InvalidOperationException error)
        {
            // A string that is not valid UTF-16 (a lone surrogate escape): not a message we can read.
            throw new JsonException(error.Message, error);
        }
    }
}

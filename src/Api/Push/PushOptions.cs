namespace LabCharts.Api.Push;

/// <summary><c>Push:*</c> — the live channel (<c>/ws</c> and <c>/api/jobs/{id}/events</c>).</summary>
public sealed class PushOptions
{
    /// <summary>Live connections this process holds at most (WebSockets and event streams together).</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Live connections one user may hold at once on this process.</summary>
    public int MaxConnectionsPerUser { get; set; } = 5;

    /// <summary>Seconds between heartbeats on an idle connection (the gateway closes silent ones).</summary>
    public int HeartbeatSeconds { get; set; } = 25;

    /// <summary>Seconds a WebSocket without gateway identity has to present its ticket.</summary>
    public int AuthTimeoutSeconds { get; set; } = 5;

    /// <summary>Messages waiting for one slow client; beyond it the oldest is dropped and the client told to resync.</summary>
    public int SendQueueLimit { get; set; } = 64;

    /// <summary>Seconds a ticket from <c>POST /api/push/ticket</c> stays valid.</summary>
    public int TicketLifetimeSeconds { get; set; } = 60;

    /// <summary>
    /// The secret tickets are signed with. Every API replica must share it (a ticket from one replica is
    /// presented to another); unset, each process makes its own, which serves one replica only.
    /// </summary>
    public string? TicketKey { get; set; }

    /// <summary>Job ids one <c>watch</c> message may name.</summary>
    public int MaxWatchIds { get; set; } = 100;

    /// <summary>The largest message a client may send, in bytes.</summary>
    public int MaxClientMessageBytes { get; set; } = 16 * 1024;
}

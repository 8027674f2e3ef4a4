using System.Net;
using System.Net.Sockets;

namespace LabCharts.Integration.Tests;

/// <summary>
/// A TCP proxy on loopback in front of a real server, for fault scenarios: <see cref="Down"/> cuts every
/// connection and refuses new ones (reset), as an unreachable store; <see cref="Delay"/> holds each
/// request (each burst of bytes from the client after a pause) that long before passing it on, as a slow one.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _down;

    public FaultProxy(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _targetHost = target.Host;
        _targetPort = target.Port;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>The proxy as the target's URL (same scheme).</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Connections refused and open ones reset while true.</summary>
    public bool Down
    {
        get => _down;
        set
        {
            _down = value;
            if (value)
            {
                lock (_open)
                {
                    foreach (var client in _open)
                    {
                        Reset(client);
                    }
                    _open.Clear();
                }
            }
        }
    }

    /// <summary>Added before each request is passed on.</summary>
    public TimeSpan Delay { get; set; }

    private int _connections;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is SocketException or IOException or InvalidOperationException)
            {
                // A connection that failed while being accepted (reset at once): keep accepting.
                continue;
            }
            Interlocked.Increment(ref _connections);
            if (_down)
            {
                Reset(client);
                continue;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }
            using var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = PumpAsync(client.GetStream(), server.GetStream(), delayed: true, cut.Token);
            var down = PumpAsync(server.GetStream(), client.GetStream(), delayed: false, cut.Token);
            await Task.WhenAny(up, down);
            await cut.CancelAsync();
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A reset or a closed side ends the connection; the client sees what a real outage shows it.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            client.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool delayed, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var last = DateTime.MinValue;
        while (true)
        {
            var read = await from.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }
            // A burst after a pause is a new request: hold it for the delay.
            if (delayed && Delay > TimeSpan.Zero && DateTime.UtcNow - last > TimeSpan.FromMilliseconds(100))
            {
                await Task.Delay(Delay, cancellationToken);
            }
            last = DateTime.UtcNow;
            if (_down)
            {
                return;
            }
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }
        }
        _stop.Dispose();
    }
}

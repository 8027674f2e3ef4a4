using RabbitMQ.Client;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>
/// A publishing channel opened on first use and opened again whenever it is found closed (a channel
/// error closes it; a broker restart is recovered by the connection itself).
/// </summary>
internal sealed class ReopeningChannel(RabbitMqConnection connection, CreateChannelOptions? options = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    /// <summary>The open channel.</summary>
    public async Task<IChannel> GetAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsClosed: false } open)
        {
            return open;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsClosed: false } reopened)
            {
                return reopened;
            }
            var connected = await connection.GetAsync(cancellationToken);
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            _channel = await connected.CreateChannelAsync(options, cancellationToken);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        _gate.Dispose();
    }
}

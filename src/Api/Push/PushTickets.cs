using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Push;

/// <summary>
/// Short-lived signed tickets for sockets that arrive without the gateway's identity (the platform
/// sends none on some devices): <c>{owner}.{expires}.{HMAC-SHA256}</c>, checked in constant time.
/// A ticket names the storage owner key, never the openid.
/// </summary>
public sealed class PushTickets
{
    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    /// <summary>Creates the signer from <c>Push:TicketKey</c> (or a key of this process's own).</summary>
    public PushTickets(IOptions<PushOptions> options, TimeProvider time, ILogger<PushTickets> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.Value.TicketLifetimeSeconds);
        if (string.IsNullOrEmpty(options.Value.TicketKey))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogInformation("Push:TicketKey is not set: push tickets are valid on this API process only");
        }
        else
        {
            _key = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.TicketKey));
        }
    }

    /// <summary>A ticket for <paramref name="owner"/>, and when it expires.</summary>
    public (string Ticket, DateTimeOffset ExpiresAt) Issue(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var expires = _time.GetUtcNow().Add(_lifetime);
        var payload = $"{owner}.{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return ($"{payload}.{WebEncoders.Base64UrlEncode(Mac(payload))}", DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>The owner a valid, unexpired ticket names; null for anything else.</summary>
    public string? Verify(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 256)
        {
            return null;
        }
        var parts = ticket.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(parts[2]);
        }
        catch (FormatException)
        {
            return null;
        }
        var expected = Mac($"{parts[0]}.{parts[1]}");
        if (!CryptographicOperations.FixedTimeEquals(given, expected) || _time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return null;
        }
        return parts[0];
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));
}

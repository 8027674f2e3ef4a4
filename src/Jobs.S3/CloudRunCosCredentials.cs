using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.S3;

/// <summary>
/// Keyless COS credentials on WeChat Cloud Run (<c>Storage:S3:CredentialSource=cloudrun</c>): with the
/// environment's open-API service on, a container gets temporary keys from
/// <c>http://api.weixin.qq.com/_/cos/getauth</c> — <c>TmpSecretId</c>, <c>TmpSecretKey</c>, <c>Token</c>
/// and <c>ExpiredTime</c> (Unix seconds). The SDK asks for them on first use, again in the background
/// once they are within <see cref="RefreshingAWSCredentials.PreemptExpiryTime"/> of expiry, and at
/// once when they have expired. Neither the keys nor the token are ever logged or put in a message.
/// </summary>
public sealed class CloudRunCosCredentials : RefreshingAWSCredentials
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly ILogger _logger;
    private int _fetches;

    /// <summary>Credentials from <paramref name="url"/>, refreshed <paramref name="refreshBefore"/> ahead of their expiry.</summary>
    public CloudRunCosCredentials(Uri url, TimeSpan refreshBefore, ILogger logger, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        _url = url;
        _logger = logger;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(5);
        PreemptExpiryTime = refreshBefore;
        // The keys count as expired this long before ExpiredTime (a request signed just before it still arrives in time).
        ExpirationBuffer = TimeSpan.FromSeconds(5);
    }

    /// <summary>How many times the credentials were fetched.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    /// <inheritdoc />
    protected override CredentialsRefreshState GenerateNewCredentials()
    {
        try
        {
            using var response = _http.Send(new HttpRequestMessage(HttpMethod.Get, _url));
            using var body = response.EnsureSuccessStatusCode().Content.ReadAsStream();
            return Parse(JsonSerializer.Deserialize<JsonElement>(body));
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw Failed(error);
        }
    }

    /// <inheritdoc />
    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        try
        {
            using var response = await _http.GetAsync(_url);
            return Parse(await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>());
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw Failed(error);
        }
    }

    private CredentialsRefreshState Parse(JsonElement answer)
    {
        string? Text(string name) =>
            answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        long? expiry = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("ExpiredTime", out var time)
            ? time.ValueKind switch
            {
                JsonValueKind.Number when time.TryGetInt64(out var seconds) => seconds,
                JsonValueKind.String when long.TryParse(time.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) => seconds,
                _ => null,
            }
            : null;
        var (id, key, token) = (Text("TmpSecretId"), Text("TmpSecretKey"), Text("Token"));
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(key) || string.IsNullOrEmpty(token) || expiry is null)
        {
            // Name what is missing, never what is there.
            var missing = new[] { ("TmpSecretId", id), ("TmpSecretKey", key), ("Token", token) }
                .Where(f => string.IsNullOrEmpty(f.Item2)).Select(f => f.Item1).Concat(expiry is null ? ["ExpiredTime"] : []);
            throw new AmazonClientException($"Cloud Run COS credentials from {_url.GetLeftPart(UriPartial.Path)} lack {string.Join(", ", missing)}.");
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiry.Value);
        var count = Interlocked.Increment(ref _fetches);
        _logger.LogInformation("Cloud Run COS credentials fetched (#{Fetch}), valid until {ExpiresAt:O}", count, expiresAt);
        return new CredentialsRefreshState(new ImmutableCredentials(id, key, token), expiresAt.UtcDateTime);
    }

    private AmazonClientException Failed(Exception error)
    {
        _logger.LogWarning("Cloud Run COS credentials could not be fetched from {Url}: {Reason}", _url.GetLeftPart(UriPartial.Path), error.Message);
        return new AmazonClientException($"Cloud Run COS credentials could not be fetched from {_url.GetLeftPart(UriPartial.Path)}: {error.Message}", error);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
        }
        base.Dispose(disposing);
    }
}

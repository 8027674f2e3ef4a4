using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.Storage;

/// <summary>
/// Signs and verifies the embedded store's <c>/files/{key}?exp=…&amp;sig=…</c> URLs:
/// HMAC-SHA256 over the key and the expiry, so neither can be changed without the signature failing.
/// </summary>
public sealed class LocalFileUrlSigner : IArtifactUrlSigner
{
    /// <summary>The route the API serves signed files under.</summary>
    public const string RoutePrefix = "/files/";

    private const string KeyFileName = ".signing-key";
    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    /// <summary>Uses the configured key, or the one kept in the store's root (made on first use).</summary>
    public LocalFileUrlSigner(IOptions<LocalStorageOptions> local, IOptions<StorageOptions> storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(storage);
        _time = time;
        _lifetime = storage.Value.UrlLifetime;
        _secret = string.IsNullOrEmpty(local.Value.SigningKey)
            ? LoadOrCreateSecret(Path.GetFullPath(local.Value.Root))
            : Encoding.UTF8.GetBytes(local.Value.SigningKey);
    }

    /// <inheritdoc />
    public SignedUrl Sign(StorageKey key)
    {
        var expiresAt = _time.GetUtcNow().Add(_lifetime);
        var expiry = expiresAt.ToUnixTimeSeconds();
        var url = $"{RoutePrefix}{key.Value}?exp={expiry.ToString(CultureInfo.InvariantCulture)}&sig={Signature(key.Value, expiry)}";
        return new SignedUrl(url, DateTimeOffset.FromUnixTimeSeconds(expiry));
    }

    /// <summary>The key a URL grants, when its signature matches and it has not expired.</summary>
    public bool TryVerify(string? key, string? expiry, string? signature, out StorageKey storageKey)
    {
        storageKey = default;
        if (!StorageKey.TryParse(key, out var parsed)
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expirySeconds)
            || string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Signature(parsed.Value, expirySeconds));
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)
            || _time.GetUtcNow().ToUnixTimeSeconds() > expirySeconds)
        {
            return false;
        }
        storageKey = parsed;
        return true;
    }

    private string Signature(string key, long expiry)
    {
        var payload = Encoding.UTF8.GetBytes($"{key}\n{expiry.ToString(CultureInfo.InvariantCulture)}");
        return Base64Url(HMACSHA256.HashData(_secret, payload));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] LoadOrCreateSecret(string root)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, KeyFileName);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var secret = RandomNumberGenerator.GetBytes(32);
            file.Write(secret);
            file.Flush(flushToDisk: true);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs, so every replica signs alike.
            return File.ReadAllBytes(path);
        }
    }
}

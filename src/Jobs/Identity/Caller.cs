using System.Security.Cryptography;
using System.Text;

namespace LabCharts.Jobs.Identity;

/// <summary>
/// Who is calling: the WeChat (app id, openid) pair. <see cref="Owner"/> is what storage keys use —
/// a hash, so no raw openid ever becomes part of a key.
/// </summary>
public sealed record Caller(string AppId, string OpenId)
{
    /// <summary>Storage-safe owner key: <c>u</c> + 32 hex digits of SHA-256("appid\nopenid").</summary>
    public string Owner { get; } = "u" + Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{AppId}\n{OpenId}")))[..32];
}

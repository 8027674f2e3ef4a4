using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace LabCharts.Jobs.Records;

/// <summary>
/// Job ids: 12 hex digits of Unix milliseconds, then 16 random hex digits. They sort by creation
/// time, so a user's newest jobs are the last keys of one prefix listing, and they are safe
/// storage-key segments by construction.
/// </summary>
public static class JobId
{
    /// <summary>Length of every id.</summary>
    public const int Length = 28;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>A fresh id for a job created at <paramref name="now"/>.</summary>
    public static string New(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        return now.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture)
            + Convert.ToHexStringLower(random);
    }

    /// <summary>
    /// The same id for the same moment and seed, in every process: the time part of
    /// <paramref name="at"/>, then 16 hex digits of SHA-256(<paramref name="seed"/>). For things that
    /// several processes create at once and that must exist once (a scheduled batch).
    /// </summary>
    public static string Derived(DateTimeOffset at, string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return at.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture)
            + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..16];
    }

    /// <summary>When the job (or batch) was created, read from its id.</summary>
    public static DateTimeOffset CreatedAt(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(jobId.AsSpan(0, 12), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    /// <summary>True when <paramref name="value"/> has the shape of an id (anything else is a 404).</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && !value.AsSpan().ContainsAnyExcept(HexDigits);
}

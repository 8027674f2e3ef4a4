using System.Buffers;

namespace LabCharts.Jobs.Storage;

/// <summary>
/// An object key that is safe on every store and as a relative file path: segments of
/// <c>[A-Za-z0-9._-]</c>, none empty, none starting with a dot (so no <c>..</c> and no hidden
/// files), joined by <c>/</c>. Nothing a client sends becomes a key without passing here.
/// </summary>
public readonly record struct StorageKey
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    private StorageKey(string value) => Value = value;

    /// <summary>The key as text.</summary>
    public string Value { get; }

    /// <summary>Builds a key from segments, each checked.</summary>
    public static StorageKey Of(params ReadOnlySpan<string> segments)
    {
        if (segments.IsEmpty)
        {
            throw new ArgumentException("A key needs at least one segment.", nameof(segments));
        }
        foreach (var segment in segments)
        {
            if (!IsSafeSegment(segment))
            {
                throw new ArgumentException($"Unsafe key segment '{segment}'.", nameof(segments));
            }
        }
        return new StorageKey(string.Join('/', segments.ToArray()));
    }

    /// <summary>Parses a whole key (e.g. from a signed <c>/files</c> URL).</summary>
    public static bool TryParse(string? value, out StorageKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(value) || value.Length > 512)
        {
            return false;
        }
        foreach (var segment in value.Split('/'))
        {
            if (!IsSafeSegment(segment))
            {
                return false;
            }
        }
        key = new StorageKey(value);
        return true;
    }

    /// <summary>Parses a key we wrote ourselves; throws when it is not one.</summary>
    public static StorageKey Parse(string value) =>
        TryParse(value, out var key) ? key : throw new FormatException($"'{value}' is not a storage key.");

    /// <summary>True for a segment that may stand in a key.</summary>
    public static bool IsSafeSegment(string? segment) =>
        !string.IsNullOrEmpty(segment) && segment.Length <= 128 && segment[0] != '.'
        && !segment.AsSpan().ContainsAnyExcept(Allowed);

    /// <inheritdoc />
    public override string ToString() => Value;
}

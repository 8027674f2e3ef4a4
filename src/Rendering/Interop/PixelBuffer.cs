namespace LabCharts.Rendering.Interop;

/// <summary>
/// Pixel memory for image surfaces, kept by a render slot from one render to the next. A fresh 4 MB
/// block per 1200×900 chart costs page faults every time and, once glibc raises its mmap threshold,
/// fragments the heap of every rendering thread (resident memory creeping up under load); one block
/// reused avoids both. Blocks above <see cref="MaxKeptBytes"/> are handed out once and freed.
/// </summary>
internal sealed class PixelBuffer : IDisposable
{
    /// <summary>Largest block kept between renders: a 3000×2000 chart at scale 1.</summary>
    public const long MaxKeptBytes = 3000L * 2000 * 4;

    private SafeNativeMemoryHandle? _kept;
    private long _capacity;

    /// <summary>A block of at least <paramref name="bytes"/>; the caller disposes it only when <paramref name="owned"/>.</summary>
    public SafeNativeMemoryHandle Rent(long bytes, out bool owned)
    {
        if (bytes > MaxKeptBytes)
        {
            owned = true;
            return SafeNativeMemoryHandle.Allocate((nuint)bytes);
        }

        if (_kept is null || _capacity < bytes)
        {
            _kept?.Dispose();
            _kept = SafeNativeMemoryHandle.Allocate((nuint)bytes);
            _capacity = bytes;
        }

        owned = false;
        return _kept;
    }

    public void Dispose() => _kept?.Dispose();
}

namespace LabCharts.Rendering.Png;

/// <summary>
/// Working memory of the PNG encoder, kept by a render slot between renders: the filtered image
/// (3.2 MB at 1200×900) and the deflate output. Fresh arrays per chart would be large-object-heap
/// allocations every time; reused ones cost nothing and keep the GC heap flat.
/// </summary>
internal sealed class PngScratch : IDisposable
{
    private readonly byte[][] _rows = [[], []];
    private readonly MemoryStream _output = new();
    private byte[] _filtered = [];

    public byte[] Row(int length, int index)
    {
        if (_rows[index].Length != length)
        {
            _rows[index] = new byte[length];
        }

        return _rows[index];
    }

    public byte[] Filtered(int length)
    {
        if (_filtered.Length < length)
        {
            _filtered = new byte[length];
        }

        return _filtered;
    }

    /// <summary>The palette builder, its tables kept between images.</summary>
    public PngQuantizer Quantizer { get; } = new();

    public void Dispose() => _output.Dispose();

    /// <summary>The deflate output stream, emptied.</summary>
    public MemoryStream Output()
    {
        _output.SetLength(0);
        return _output;
    }
}

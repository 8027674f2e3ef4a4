using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.Intrinsics;

namespace LabCharts.Rendering.Png;

/// <summary>
/// Writes Cairo RGB24 pixels as an 8-bit RGB PNG (colour type 2). Cairo's own PNG writer is ~5×
/// slower here (ENVIRONMENT.md); this one filters each row adaptively and deflates with .NET's zlib.
/// The output depends only on the pixels and the level: identical charts give identical bytes.
/// </summary>
internal static class PngEncoder
{
    private const int BytesPerPixel = 3;

    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Encodes native-endian 0x00RRGGBB words (Cairo's RGB24 layout) as a PNG file.</summary>
    public static byte[] EncodeRgb24(ReadOnlySpan<byte> pixels, int width, int height, int stride, CompressionLevel level)
    {
        using var output = new MemoryStream((width * height / 4) + 1024);
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: RGB
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);

        WriteChunk(output, "IDAT"u8, Deflate(pixels, width, height, stride, level));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Deflate(ReadOnlySpan<byte> pixels, int width, int height, int stride, CompressionLevel level)
    {
        var rowLength = width * BytesPerPixel;
        var row = new byte[rowLength];
        var previous = new byte[rowLength];
        var filtered = new byte[rowLength + 1];

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                ToRgb(pixels.Slice(y * stride, width * 4), row);
                var filter = PngFilter.Choose(row, previous, BytesPerPixel);
                filtered[0] = filter;
                PngFilter.Apply(filter, row, previous, BytesPerPixel, filtered.AsSpan(1));
                zlib.Write(filtered);
                (row, previous) = (previous, row);
            }
        }

        return compressed.ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 JIT from the first chart
    private static unsafe void ToRgb(ReadOnlySpan<byte> source, Span<byte> rgb)
    {
        var pixels = source.Length / 4;
        var x = 0;
        fixed (byte* s = source, d = rgb)
        {
            if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
            {
                // Four B,G,R,X pixels → twelve R,G,B bytes; each store writes 16 and the next overwrites the last 4.
                var order = Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0, 0, 0, 0);
                for (; x + 4 <= pixels && (x * 3) + 16 <= rgb.Length; x += 4)
                {
                    Vector128.Shuffle(Vector128.Load(s + (x * 4)), order).Store(d + (x * 3));
                }
            }

            var words = (uint*)s;
            for (; x < pixels; x++)
            {
                var word = words[x];
                d[x * 3] = (byte)(word >> 16);
                d[(x * 3) + 1] = (byte)(word >> 8);
                d[(x * 3) + 2] = (byte)word;
            }
        }
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, PngCrc32.Compute(type, data));
        output.Write(word);
    }
}

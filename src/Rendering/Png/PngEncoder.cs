using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
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
        using var scratch = new PngScratch();
        return EncodeRgb24(pixels, width, height, stride, level, scratch);
    }

    /// <summary>As above, with working memory kept from earlier encodes (one render slot's).</summary>
    public static byte[] EncodeRgb24(ReadOnlySpan<byte> pixels, int width, int height, int stride, CompressionLevel level, PngScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var idat = Deflate(pixels, width, height, stride, level, scratch);

        // Exactly sized: signature, IHDR (13), IDAT, IEND; each chunk adds 12 bytes of length, type and CRC.
        var png = new byte[Signature.Length + (12 + 13) + (12 + idat.Length) + 12];
        Signature.CopyTo(png);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: RGB
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        var at = WriteChunk(png, Signature.Length, "IHDR"u8, header);
        at = WriteChunk(png, at, "IDAT"u8, idat);
        WriteChunk(png, at, "IEND"u8, []);
        return png;
    }

    private static ReadOnlySpan<byte> Deflate(ReadOnlySpan<byte> pixels, int width, int height, int stride, CompressionLevel level, PngScratch scratch)
    {
        var rowLength = width * BytesPerPixel;
        var (row, previous) = (scratch.Row(rowLength, 0), scratch.Row(rowLength, 1));
        previous.AsSpan().Clear();

        // All filtered rows first, then one deflate call: zlib works on the whole image at once instead
        // of 900 small writes.
        var length = (rowLength + 1) * height;
        var filtered = scratch.Filtered(length);
        for (var y = 0; y < height; y++)
        {
            ToRgb(pixels.Slice(y * stride, width * 4), row);
            var filter = PngFilter.Choose(row, previous, BytesPerPixel);
            var start = y * (rowLength + 1);
            filtered[start] = filter;
            PngFilter.Apply(filter, row, previous, BytesPerPixel, filtered.AsSpan(start + 1, rowLength));
            (row, previous) = (previous, row);
        }

        var compressed = scratch.Output();
        using (var zlib = new ZLibStream(compressed, Options(level), leaveOpen: true))
        {
            zlib.Write(filtered, 0, length);
        }

        return compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
    }

    /// <summary>
    /// zlib levels. "Optimal" is level 5, not zlib's default 6: on charts .NET's zlib-ng makes the same
    /// size (73.0 vs 73.0 KB for the typical chart) in less time; level 9 saves 7 % for 10× the time.
    /// </summary>
    private static ZLibCompressionOptions Options(CompressionLevel level) => new()
    {
        CompressionLevel = level switch
        {
            CompressionLevel.NoCompression => 0,
            CompressionLevel.Fastest => 1,
            CompressionLevel.SmallestSize => 9,
            _ => 5,
        },
    };

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

    private static int WriteChunk(byte[] png, int at, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(at), data.Length);
        type.CopyTo(png.AsSpan(at + 4));
        data.CopyTo(png.AsSpan(at + 8));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + data.Length), PngCrc32.Compute(type, data));
        return at + 12 + data.Length;
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
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
    public static byte[] EncodeRgb24(
        ReadOnlySpan<byte> pixels, int width, int height, int stride, CompressionLevel level, PngScratch scratch, ZLibCompressionStrategy strategy = ZLibCompressionStrategy.Default)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        return Assemble(width, height, colourType: 2, [], Deflate(pixels, width, height, stride, level, strategy, scratch));
    }

    /// <summary>
    /// Encodes the image as an 8-bit palette PNG (colour type 3) when <see cref="PngQuantizer"/> finds a palette
    /// that keeps it visually lossless (every colour exact up to 256, else ≥ 40 dB with the chart's own colours
    /// exact); otherwise as RGB, like <see cref="EncodeRgb24(ReadOnlySpan{byte}, int, int, int, CompressionLevel, PngScratch)"/>.
    /// Palette rows are not filtered (filter None, as the PNG specification recommends for indexed images:
    /// differences of palette indices mean nothing).
    /// </summary>
    public static byte[] Encode(
        ReadOnlySpan<byte> pixels, int width, int height, int stride, CompressionLevel level, PngScratch scratch, ReadOnlySpan<uint> chartColours,
        ZLibCompressionStrategy strategy = ZLibCompressionStrategy.Default)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var quantizer = scratch.Quantizer;
        var start = Stopwatch.GetTimestamp();
        if (!quantizer.TryBuild(pixels, width, height, stride, chartColours))
        {
            return EncodeRgb24(pixels, width, height, stride, level, scratch, strategy);
        }

        var built = Stopwatch.GetTimestamp();
        var length = (width + 1) * height;
        var indexed = scratch.Filtered(length);
        quantizer.Index(pixels, width, height, stride, indexed);
        var mapped = Stopwatch.GetTimestamp();
        var palette = quantizer.Palette;
        var plte = new byte[palette.Length * 3];
        for (var i = 0; i < palette.Length; i++)
        {
            plte[i * 3] = (byte)(palette[i] >> 16);
            plte[(i * 3) + 1] = (byte)(palette[i] >> 8);
            plte[(i * 3) + 2] = (byte)palette[i];
        }

        var png = Assemble(width, height, colourType: 3, plte, Compress(indexed, length, level, strategy, scratch, palette: true));
        LastPaletteStages = (Stopwatch.GetElapsedTime(start, built), Stopwatch.GetElapsedTime(built, mapped), Stopwatch.GetElapsedTime(mapped));
        return png;
    }

    /// <summary>A zlib level 0–9 for this thread's encodes instead of the one <see cref="CompressionLevel"/> maps to: for the benchmark.</summary>
    [ThreadStatic]
    internal static int? ZlibLevelOverride;

    /// <summary>This thread's last palette encode in stages (palette, indexing, deflate): for the benchmark.</summary>
    [ThreadStatic]
    internal static (TimeSpan Palette, TimeSpan Index, TimeSpan Deflate) LastPaletteStages;

    // Signature, IHDR, PLTE (palette images), IDAT, IEND — exactly sized; each chunk adds 12 bytes of length, type and CRC.
    private static byte[] Assemble(int width, int height, byte colourType, ReadOnlySpan<byte> plte, ReadOnlySpan<byte> idat)
    {
        var png = new byte[Signature.Length + (12 + 13) + (plte.IsEmpty ? 0 : 12 + plte.Length) + (12 + idat.Length) + 12];
        Signature.CopyTo(png);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;          // bit depth
        header[9] = colourType; // 2: RGB, 3: palette
        header[10] = 0;         // deflate
        header[11] = 0;         // adaptive filtering
        header[12] = 0;         // no interlace
        var at = WriteChunk(png, Signature.Length, "IHDR"u8, header);
        if (!plte.IsEmpty)
        {
            at = WriteChunk(png, at, "PLTE"u8, plte);
        }

        at = WriteChunk(png, at, "IDAT"u8, idat);
        WriteChunk(png, at, "IEND"u8, []);
        return png;
    }

    private static ReadOnlySpan<byte> Deflate(ReadOnlySpan<byte> pixels, int width, int height, int stride, CompressionLevel level, ZLibCompressionStrategy strategy, PngScratch scratch)
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

        return Compress(filtered, length, level, strategy, scratch, palette: false);
    }

    private static ReadOnlySpan<byte> Compress(byte[] filtered, int length, CompressionLevel level, ZLibCompressionStrategy strategy, PngScratch scratch, bool palette)
    {
        var compressed = scratch.Output();
        using (var zlib = new ZLibStream(compressed, Options(level, strategy, palette), leaveOpen: true))
        {
            zlib.Write(filtered, 0, length);
        }

        return compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
    }

    /// <summary>
    /// zlib levels. "Optimal" is level 5 for truecolour, not zlib's default 6: on charts .NET's zlib-ng makes
    /// the same size (73.0 vs 73.0 KB for the typical chart) in less time; level 9 saves 7 % for 10× the time.
    /// Palette images take level 2 for "Optimal": one byte a pixel of long flat runs, where level 2 gives 44 KB
    /// in 1.3 ms of deflate and level 5 38.5 KB in 2.3 ms (docs/benchmarks/png.md) — level 2 keeps both of
    /// issue 12's targets (≤ 3 ms, ≤ 50 % of matplotlib's bytes), level 5 misses the time.
    /// </summary>
    private static ZLibCompressionOptions Options(CompressionLevel level, ZLibCompressionStrategy strategy, bool palette) => new()
    {
        CompressionStrategy = strategy,
        CompressionLevel = ZlibLevelOverride ?? level switch
        {
            CompressionLevel.NoCompression => 0,
            CompressionLevel.Fastest => 1,
            CompressionLevel.SmallestSize => 9,
            _ => palette ? 2 : 5,
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

using System.Buffers.Binary;
using System.IO.Compression;
using LabCharts.Rendering.Png;

namespace LabCharts.Rendering.Tests;

/// <summary>
/// A decoded 8-bit, non-interlaced PNG (grey, RGB, grey+alpha or RGBA), entirely in memory.
/// Enough to check charts pixel by pixel in tests; not a general-purpose decoder.
/// </summary>
public sealed class PngImage
{
    private readonly byte[] _rgba;

    private PngImage(int width, int height, int colorType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The IHDR colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public int ColorType { get; }

    public bool HasAlpha => ColorType is 4 or 6;

    /// <summary>True when <paramref name="bytes"/> starts with the PNG signature.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[137, 80, 78, 71, 13, 10, 26, 10]);

    /// <summary>Decodes a PNG file's bytes; throws <see cref="InvalidDataException"/> on malformed input or a bad CRC.</summary>
    public static PngImage Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!HasSignature(bytes))
        {
            throw new InvalidDataException("Not a PNG: bad signature.");
        }

        int width = 0, height = 0, colorType = -1;
        byte[] palette = [];
        using var idat = new MemoryStream();
        var position = 8;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (position + 12 > bytes.Length)
            {
                throw new InvalidDataException("Truncated PNG chunk.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(position));
            if (length < 0 || position + 12 + length > bytes.Length)
            {
                throw new InvalidDataException("Bad PNG chunk length.");
            }

            var type = bytes.AsSpan(position + 4, 4);
            var data = bytes.AsSpan(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position + 8 + length));
            if (crc != PngCrc32.Compute(type, data))
            {
                throw new InvalidDataException($"Bad CRC in {System.Text.Encoding.ASCII.GetString(type)} chunk.");
            }

            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                colorType = data[9];
                if (data[8] != 8 || data[12] != 0 || colorType is not (0 or 2 or 3 or 4 or 6))
                {
                    throw new NotSupportedException("Only 8-bit, non-interlaced grey/RGB(A)/palette PNGs are supported.");
                }
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (length % 3 != 0 || length > 768)
                {
                    throw new InvalidDataException("Bad PLTE length.");
                }

                palette = data.ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                sawEnd = true;
            }

            position += 12 + length;
        }

        if (colorType < 0 || width <= 0 || height <= 0)
        {
            throw new InvalidDataException("PNG has no valid IHDR.");
        }

        if (colorType == 3 && palette.Length == 0)
        {
            throw new InvalidDataException("A palette PNG without PLTE.");
        }

        return new PngImage(width, height, colorType, Unfilter(idat, width, height, colorType, palette));
    }

    /// <summary>The colour at a pixel (alpha ignored).</summary>
    public RgbColor GetPixel(int x, int y)
    {
        var i = Offset(x, y);
        return new RgbColor(_rgba[i], _rgba[i + 1], _rgba[i + 2]);
    }

    /// <summary>The alpha at a pixel (255 for images without alpha).</summary>
    public byte GetAlpha(int x, int y) => _rgba[Offset(x, y) + 3];

    private int Offset(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return ((y * Width) + x) * 4;
    }

    private static byte[] Unfilter(MemoryStream idat, int width, int height, int colorType, byte[] palette)
    {
        var channels = colorType switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };
        var rowLength = width * channels;
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var row = new byte[rowLength];
        var previous = new byte[rowLength];
        var rgba = new byte[checked(width * height * 4)];
        var filter = new byte[1];
        for (var y = 0; y < height; y++)
        {
            zlib.ReadExactly(filter);
            zlib.ReadExactly(row);
            PngFilter.Undo(filter[0], row, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                var s = x * channels;
                (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = channels switch
                {
                    1 when colorType == 3 => row[s] * 3 + 2 < palette.Length
                        ? (palette[row[s] * 3], palette[(row[s] * 3) + 1], palette[(row[s] * 3) + 2], (byte)255)
                        : throw new InvalidDataException($"Palette index {row[s]} out of range."),
                    1 => (row[s], row[s], row[s], (byte)255),
                    2 => (row[s], row[s], row[s], row[s + 1]),
                    3 => (row[s], row[s + 1], row[s + 2], (byte)255),
                    _ => (row[s], row[s + 1], row[s + 2], row[s + 3]),
                };
            }

            (row, previous) = (previous, row);
        }

        return rgba;
    }
}

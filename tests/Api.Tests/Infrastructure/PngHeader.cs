using System.Buffers.Binary;

namespace LabCharts.Api.Tests.Infrastructure;

/// <summary>Reads a PNG's signature and IHDR size.</summary>
public static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Read(byte[] png)
    {
        Assert.True(png.Length > 33 && png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LabCharts.Rendering.Png;

/// <summary>
/// A palette of at most 256 colours for a chart image, when one stays visually lossless. Lab charts are
/// flat colours (background, ink, grid, the series' colours, band fills) plus the anti-aliased edges between
/// them, so a few thousand distinct colours at most, most of them rare:
/// <list type="number">
/// <item>Count the colours (a hash table, one probe per run of equal pixels). More than
/// <see cref="MaxDistinctColours"/> means not a chart (a photo-like gradient): no palette.</item>
/// <item>256 or fewer: every colour exactly — lossless.</item>
/// <item>Else the chart's own colours (<c>protectedColours</c>: the theme's) and every colour covering at least
/// <see cref="FlatColourShare"/> of the image keep their exact value; the rare edge colours are split by median
/// cut (weighted by their counts) into the remaining entries, each box's colour its weighted mean.</item>
/// <item>The squared error is summed per distinct colour (count × distance²); below
/// <see cref="MinimumPsnr"/> dB PSNR the palette is refused and the image stays truecolour.</item>
/// </list>
/// Everything is reused across images through <see cref="PngScratch"/>; no allocation per image once warm.
/// </summary>
internal sealed class PngQuantizer
{
    /// <summary>Distinct colours above which an image is not treated as a chart.</summary>
    public const int MaxDistinctColours = 8192;

    /// <summary>A palette must keep the image at least this close to the truecolour render (dB, over R, G and B).</summary>
    public const double MinimumPsnr = 40;

    /// <summary>A colour covering this share of the pixels is a flat colour of the chart and kept exactly.</summary>
    public const double FlatColourShare = 0.0002;

    private const int TableBits = 14; // 16384 slots: at most half full
    private const int TableSize = 1 << TableBits;
    private const uint Empty = 0xFFFFFFFF;

    private readonly uint[] _keys = new uint[TableSize];
    private readonly int[] _counts = new int[TableSize];
    private readonly byte[] _index = new byte[TableSize];
    private readonly int[] _used = new int[MaxDistinctColours];
    private readonly uint[] _palette = new uint[256];
    private int _distinct;

    public PngQuantizer() => _keys.AsSpan().Fill(Empty);

    /// <summary>Palette entries as 0x00RRGGBB.</summary>
    public ReadOnlySpan<uint> Palette => _palette.AsSpan(0, PaletteSize);

    public int PaletteSize { get; private set; }

    /// <summary>PSNR of the last palette against the image (∞ when exact).</summary>
    public double Psnr { get; private set; }

    /// <summary>
    /// Builds the palette of an image of Cairo RGB24 words (0x00RRGGBB, native endian); false when the image
    /// has too many colours or no palette keeps it within <see cref="MinimumPsnr"/>.
    /// </summary>
    public bool TryBuild(ReadOnlySpan<byte> pixels, int width, int height, int stride, ReadOnlySpan<uint> protectedColours)
    {
        if (!Count(pixels, width, height, stride))
        {
            return false;
        }

        if (_distinct <= 256)
        {
            for (var i = 0; i < _distinct; i++)
            {
                _palette[i] = _keys[_used[i]];
                _index[_used[i]] = (byte)i;
            }

            PaletteSize = _distinct;
            Psnr = double.PositiveInfinity;
            return true;
        }

        var error = Reduce(protectedColours, (long)width * height);
        Psnr = error == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 * 3 * width * height / error);
        return Psnr >= MinimumPsnr;
    }

    /// <summary>Writes each row's palette indices (one byte per pixel) after a filter byte of 0 (None).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Index(ReadOnlySpan<byte> pixels, int width, int height, int stride, Span<byte> output)
    {
        var at = 0;
        for (var y = 0; y < height; y++)
        {
            var row = MemoryMarshal.Cast<byte, uint>(pixels.Slice(y * stride, width * 4));
            output[at++] = 0;
            var x = 0;
            while (x < row.Length)
            {
                var colour = row[x] & 0xFFFFFF;
                var end = RunEnd(row, x + 1, colour);
                output.Slice(at, end - x).Fill(_index[Find(colour)]);
                at += end - x;
                x = end;
            }
        }
    }

    /// <summary>The first index from <paramref name="from"/> whose colour is not <paramref name="colour"/> (eight at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RunEnd(ReadOnlySpan<uint> row, int from, uint colour)
    {
        var x = from;
        if (Vector256.IsHardwareAccelerated)
        {
            var mask = Vector256.Create(0xFFFFFFu);
            var target = Vector256.Create(colour);
            ref var start = ref MemoryMarshal.GetReference(row);
            while (x + 8 <= row.Length)
            {
                var equal = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)x) & mask, target);
                if (equal != Vector256<uint>.AllBitsSet)
                {
                    return x + BitOperations.TrailingZeroCount(~equal.ExtractMostSignificantBits());
                }

                x += 8;
            }
        }

        while (x < row.Length && (row[x] & 0xFFFFFF) == colour)
        {
            x++;
        }

        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Count(ReadOnlySpan<byte> pixels, int width, int height, int stride)
    {
        for (var i = 0; i < _distinct; i++)
        {
            _keys[_used[i]] = Empty;
            _counts[_used[i]] = 0;
            _exact[_used[i]] = false;
        }

        _distinct = 0;
        for (var y = 0; y < height; y++)
        {
            var row = MemoryMarshal.Cast<byte, uint>(pixels.Slice(y * stride, width * 4));
            var x = 0;
            while (x < row.Length)
            {
                var colour = row[x] & 0xFFFFFF;
                var end = RunEnd(row, x + 1, colour);
                var slot = Find(colour);
                if (_keys[slot] == Empty)
                {
                    if (_distinct == MaxDistinctColours)
                    {
                        return false;
                    }

                    _keys[slot] = colour;
                    _used[_distinct++] = slot;
                }

                _counts[slot] += end - x;
                x = end;
            }
        }

        return true;
    }

    // Linear probing from a multiplicative hash; the table is never more than half full.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(uint colour)
    {
        var slot = (int)((colour * 0x9E3779B1u) >> (32 - TableBits));
        while (_keys[slot] != colour && _keys[slot] != Empty)
        {
            slot = (slot + 1) & (TableSize - 1);
        }

        return slot;
    }

    // The palette for more than 256 colours; returns the summed squared error over all pixels and channels.
    private double Reduce(ReadOnlySpan<uint> protectedColours, long pixels)
    {
        var slots = _used.AsSpan(0, _distinct);
        PaletteSize = 0;
        foreach (var colour in protectedColours)
        {
            var slot = Find(colour & 0xFFFFFF);
            if (_keys[slot] == (colour & 0xFFFFFF) && !IsExact(slot))
            {
                Keep(slot);
            }
        }

        // The flat colours, most frequent first: only they are sorted (a few dozen of the thousands).
        var flat = (int)Math.Max(1, pixels * FlatColourShare);
        _flat.Clear();
        foreach (var slot in slots)
        {
            if (_counts[slot] >= flat && !IsExact(slot))
            {
                _flat.Add(slot);
            }
        }

        _flat.Sort((a, b) => _counts[b].CompareTo(_counts[a]));
        foreach (var slot in _flat)
        {
            if (PaletteSize >= MaxExact)
            {
                break;
            }

            Keep(slot);
        }

        // The rest (edge colours) go to median-cut boxes; each box keeps its spread so a split costs only its own colours.
        var rest = 0;
        foreach (var slot in slots)
        {
            if (!IsExact(slot))
            {
                _rest[rest++] = slot;
            }
        }

        _boxes.Clear();
        _boxes.Add(Measure(0, rest));
        while (_boxes.Count < 256 - PaletteSize)
        {
            var best = 0;
            for (var k = 1; k < _boxes.Count; k++)
            {
                if (_boxes[k].Score > _boxes[best].Score)
                {
                    best = k;
                }
            }

            if (!(_boxes[best].Score > 0))
            {
                break;
            }

            var (first, second) = Split(_boxes[best]);
            _boxes[best] = first;
            _boxes.Add(second);
        }

        double error = 0;
        foreach (var box in _boxes)
        {
            double r = 0, g = 0, b = 0, weight = 0;
            for (var i = box.Start; i < box.Start + box.Length; i++)
            {
                var (c, n) = (_keys[_rest[i]], _counts[_rest[i]]);
                r += n * ((c >> 16) & 0xFF);
                g += n * ((c >> 8) & 0xFF);
                b += n * (c & 0xFF);
                weight += n;
            }

            if (weight == 0)
            {
                continue;
            }

            var mean = ((uint)Math.Round(r / weight) << 16) | ((uint)Math.Round(g / weight) << 8) | (uint)Math.Round(b / weight);
            for (var i = box.Start; i < box.Start + box.Length; i++)
            {
                _index[_rest[i]] = (byte)PaletteSize;
                error += _counts[_rest[i]] * Distance(_keys[_rest[i]], mean);
            }

            _palette[PaletteSize++] = mean;
        }

        return error;
    }

    private const int MaxExact = 192;

    private readonly int[] _rest = new int[MaxDistinctColours];
    private readonly List<Box> _boxes = new(256);
    private readonly List<int> _flat = new(256);
    private readonly bool[] _exact = new bool[TableSize];

    private bool IsExact(int slot) => _exact[slot];

    private void Keep(int slot)
    {
        _exact[slot] = true;
        _index[slot] = (byte)PaletteSize;
        _palette[PaletteSize++] = _keys[slot];
    }

    /// <summary>A run of <see cref="_rest"/>: its widest channel (as a shift) and weighted spread (range² × pixels).</summary>
    private readonly record struct Box(int Start, int Length, int Shift, double Score);

    private Box Measure(int start, int length)
    {
        Span<int> min = [255, 255, 255];
        Span<int> max = [0, 0, 0];
        long weight = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = _keys[_rest[i]];
            for (var channel = 0; channel < 3; channel++)
            {
                var v = (int)(c >> (16 - (8 * channel))) & 0xFF;
                min[channel] = Math.Min(min[channel], v);
                max[channel] = Math.Max(max[channel], v);
            }

            weight += _counts[_rest[i]];
        }

        var best = 0;
        for (var channel = 1; channel < 3; channel++)
        {
            if (max[channel] - min[channel] > max[best] - min[best])
            {
                best = channel;
            }
        }

        var range = length < 2 ? 0 : max[best] - min[best];
        return new Box(start, length, 16 - (8 * best), (double)range * range * weight);
    }

    // Splits a box at the weighted median of its widest channel: a histogram of that channel's 256 values finds
    // the median value, then one pass partitions the box (no comparison sort).
    private (Box, Box) Split(Box box)
    {
        var shift = box.Shift;
        Span<long> weights = stackalloc long[256];
        weights.Clear();
        long total = 0;
        var end = box.Start + box.Length;
        for (var i = box.Start; i < end; i++)
        {
            weights[(int)(_keys[_rest[i]] >> shift) & 0xFF] += _counts[_rest[i]];
            total += _counts[_rest[i]];
        }

        // The median value: the first whose cumulative weight reaches half; the box's largest value goes right.
        int low = 255, high = 0;
        for (var v = 0; v < 256; v++)
        {
            if (weights[v] > 0)
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }

        long cumulative = 0;
        var median = low;
        for (var v = low; v < high; v++)
        {
            cumulative += weights[v];
            median = v;
            if (cumulative * 2 >= total)
            {
                break;
            }
        }

        // Values ≤ median to the left.
        int left = box.Start, right = end - 1;
        while (left <= right)
        {
            if (((int)(_keys[_rest[left]] >> shift) & 0xFF) <= median)
            {
                left++;
            }
            else
            {
                (_rest[left], _rest[right]) = (_rest[right], _rest[left]);
                right--;
            }
        }

        return (Measure(box.Start, left - box.Start), Measure(left, end - left));
    }

    private static double Distance(uint a, uint b)
    {
        var dr = (int)((a >> 16) & 0xFF) - (int)((b >> 16) & 0xFF);
        var dg = (int)((a >> 8) & 0xFF) - (int)((b >> 8) & 0xFF);
        var db = (int)(a & 0xFF) - (int)(b & 0xFF);
        return (dr * dr) + (dg * dg) + (db * db);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LabCharts.Rendering.Png;

/// <summary>PNG row filters (RFC 2083 §6): apply, undo, and libpng's minimum-sum-of-absolute-differences choice.</summary>
internal static unsafe class PngFilter
{
    public const byte None = 0;
    public const byte Sub = 1;
    public const byte Up = 2;
    public const byte Average = 3;
    public const byte Paeth = 4;

    /// <summary>Picks the filter whose output has the smallest sum of |signed byte|, as libpng's heuristic does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 JIT from the first chart
    public static byte Choose(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel)
    {
        // An unchanged row filters to all zeros with Up: nothing can beat that.
        if (row.SequenceEqual(previous))
        {
            return Up;
        }

        Span<long> costs = stackalloc long[5];
        var n = row.Length;
        var i = 0;
        fixed (byte* x = row, b = previous)
        {
            for (; i < bytesPerPixel; i++)
            {
                AddCosts(costs, x[i], 0, b[i], 0);
            }

            if (Vector128.IsHardwareAccelerated)
            {
                Vector128<int> none = default, sub = default, up = default, average = default, paeth = default;
                for (; i + 16 <= n; i += 16)
                {
                    var (xl, xh) = Widen(Vector128.Load(x + i));
                    var (al, ah) = Widen(Vector128.Load(x + i - bytesPerPixel));
                    var (bl, bh) = Widen(Vector128.Load(b + i));
                    var (cl, ch) = Widen(Vector128.Load(b + i - bytesPerPixel));
                    none += Cost(xl) + Cost(xh);
                    sub += Cost(xl - al) + Cost(xh - ah);
                    up += Cost(xl - bl) + Cost(xh - bh);
                    average += Cost(xl - ((al + bl) >> 1)) + Cost(xh - ((ah + bh) >> 1));
                    paeth += Cost(xl - Predict(al, bl, cl)) + Cost(xh - Predict(ah, bh, ch));
                }

                costs[None] += Vector128.Sum(none);
                costs[Sub] += Vector128.Sum(sub);
                costs[Up] += Vector128.Sum(up);
                costs[Average] += Vector128.Sum(average);
                costs[Paeth] += Vector128.Sum(paeth);
            }

            for (; i < n; i++)
            {
                AddCosts(costs, x[i], x[i - bytesPerPixel], b[i], b[i - bytesPerPixel]);
            }
        }

        byte best = None;
        for (byte filter = Sub; filter <= Paeth; filter++)
        {
            if (costs[filter] < costs[best])
            {
                best = filter;
            }
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 JIT from the first chart
    public static void Apply(byte filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> output)
    {
        var n = row.Length;
        if (filter == None)
        {
            row.CopyTo(output);
            return;
        }

        fixed (byte* x = row, b = previous, o = output)
        {
            var i = 0;
            for (; i < bytesPerPixel; i++)
            {
                o[i] = (byte)(x[i] - Predict(filter, 0, b[i], 0));
            }

            if (Vector128.IsHardwareAccelerated)
            {
                i = filter switch
                {
                    Sub => ApplyBytewise(x, x - bytesPerPixel, o, i, n),
                    Up => ApplyBytewise(x, b, o, i, n),
                    Average => ApplyAverage(x, b, o, i, n, bytesPerPixel),
                    _ => ApplyPaeth(x, b, o, i, n, bytesPerPixel),
                };
            }

            for (; i < n; i++)
            {
                o[i] = (byte)(x[i] - Predict(filter, x[i - bytesPerPixel], b[i], b[i - bytesPerPixel]));
            }
        }
    }

    /// <summary>o = x − p byte by byte (Sub: p is x shifted by one pixel; Up: p is the previous row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ApplyBytewise(byte* x, byte* p, byte* o, int i, int n)
    {
        for (; i + 16 <= n; i += 16)
        {
            (Vector128.Load(x + i) - Vector128.Load(p + i)).Store(o + i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ApplyAverage(byte* x, byte* b, byte* o, int i, int n, int bytesPerPixel)
    {
        for (; i + 16 <= n; i += 16)
        {
            var (xl, xh) = Widen(Vector128.Load(x + i));
            var (al, ah) = Widen(Vector128.Load(x + i - bytesPerPixel));
            var (bl, bh) = Widen(Vector128.Load(b + i));
            Vector128.Narrow((xl - ((al + bl) >> 1)).AsUInt16(), (xh - ((ah + bh) >> 1)).AsUInt16()).Store(o + i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ApplyPaeth(byte* x, byte* b, byte* o, int i, int n, int bytesPerPixel)
    {
        for (; i + 16 <= n; i += 16)
        {
            var (xl, xh) = Widen(Vector128.Load(x + i));
            var (al, ah) = Widen(Vector128.Load(x + i - bytesPerPixel));
            var (bl, bh) = Widen(Vector128.Load(b + i));
            var (cl, ch) = Widen(Vector128.Load(b + i - bytesPerPixel));
            Vector128.Narrow((xl - Predict(al, bl, cl)).AsUInt16(), (xh - Predict(ah, bh, ch)).AsUInt16()).Store(o + i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 JIT from the first chart
    public static void Undo(byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel)
    {
        if (filter > Paeth)
        {
            throw new InvalidDataException($"Unknown PNG filter type {filter}.");
        }

        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
            int b = previous[i];
            int c = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                Sub => a,
                Up => b,
                Average => (a + b) >> 1,
                Paeth => Predict(a, b, c),
                _ => 0,
            });
        }
    }

    private static void AddCosts(Span<long> costs, int x, int a, int b, int c)
    {
        for (byte filter = None; filter <= Paeth; filter++)
        {
            costs[filter] += Cost(x - Predict(filter, a, b, c));
        }
    }

    private static int Predict(byte filter, int a, int b, int c) => filter switch
    {
        Sub => a,
        Up => b,
        Average => (a + b) >> 1,
        Paeth => Predict(a, b, c),
        _ => 0,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Cost(int difference)
    {
        int signed = (sbyte)difference;
        var mask = signed >> 31;
        return (signed ^ mask) - mask;
    }

    /// <summary>|difference as a signed byte|, summed pairwise into 32-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Cost(Vector128<short> difference)
    {
        var magnitude = Vector128.Abs(Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(difference, 8), 8));
        var (low, high) = Vector128.Widen(magnitude);
        return low + high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<short> Low, Vector128<short> High) Widen(Vector128<byte> bytes)
    {
        var (low, high) = Vector128.Widen(bytes);
        return (low.AsInt16(), high.AsInt16());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Predict(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> Predict(Vector128<short> a, Vector128<short> b, Vector128<short> c)
    {
        var pa = Vector128.Abs(b - c);
        var pb = Vector128.Abs(a - c);
        var pc = Vector128.Abs(a + b - c - c);
        var useA = Vector128.LessThanOrEqual(pa, pb) & Vector128.LessThanOrEqual(pa, pc);
        var useB = Vector128.LessThanOrEqual(pb, pc);
        return Vector128.ConditionalSelect(useA, a, Vector128.ConditionalSelect(useB, b, c));
    }
}

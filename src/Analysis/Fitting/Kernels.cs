using System.Numerics;
using System.Runtime.InteropServices;

namespace LabCharts.Analysis;

/// <summary>
/// The vector loops of the least-squares solvers, a SIMD register wide (four partial sums, so the
/// additions do not wait on each other). The order of the additions differs from a plain loop's,
/// which changes results only in the last bits.
/// </summary>
internal static class Kernels
{
    /// <summary>Σ aᵢ·bᵢ.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(b));
        }

        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var sum = Vector<double>.Zero;
        for (var k = 0; k < va.Length; k++)
        {
            sum += va[k] * vb[k];
        }

        var total = Vector.Sum(sum);
        for (var i = va.Length * Vector<double>.Count; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>‖a‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    /// <summary>y ← y − s·x.</summary>
    public static void SubtractScaled(ReadOnlySpan<double> x, double s, Span<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(y));
        }

        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        for (var k = 0; k < vx.Length; k++)
        {
            vy[k] -= s * vx[k];
        }

        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++)
        {
            y[i] -= s * x[i];
        }
    }
}

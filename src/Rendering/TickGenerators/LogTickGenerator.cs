using System.Globalization;

namespace LabCharts.Rendering;

/// <summary>
/// Ticks of a base-10 logarithmic axis: labelled decades (every k-th when there are many), minor ticks
/// at 2…9 × 10ⁿ. Labels are markup: plain numbers from 0.01 to 1000, <c>10&lt;sup&gt;n&lt;/sup&gt;</c> beyond.
/// Within two decades 2 and 5 × 10ⁿ (or every m × 10ⁿ) are labelled too; a range narrower still falls
/// back to 1-2-5 linear ticks (placed logarithmically).
/// </summary>
public static class LogTickGenerator
{
    private const char Minus = '\u2212';

    /// <summary>Ticks inside [min, max] (both &gt; 0), at most about <paramref name="targetCount"/> + 1 labelled.</summary>
    public static AxisTicks Generate(double min, double max, int targetCount)
    {
        if (!(min > 0) || !double.IsFinite(max) || max <= min)
        {
            throw new ArgumentException($"Invalid log range [{min}, {max}].", nameof(max));
        }

        var low = (int)Math.Ceiling(Math.Log10(min) - 1e-9);
        var high = (int)Math.Floor(Math.Log10(max) + 1e-9);
        if (high - low < 2)
        {
            // Within two decades, label 1, 2, 5 × 10ⁿ — or every integer multiple when that is still too few.
            foreach (var labelled in (int[][])[[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]])
            {
                var few = Mantissas(min, max, low - 1, high, labelled);
                if (few.Ticks.Count >= 3)
                {
                    return few;
                }
            }

            var linear = TickGenerator.Generate(min, max, targetCount);
            return linear with { Ticks = [.. linear.Ticks.Where(t => t.Value > 0)], Minor = [.. linear.Minor.Where(v => v > 0)] };
        }

        var every = Math.Max(1, (int)Math.Ceiling((high - low + 1) / (double)Math.Max(1, targetCount + 1)));
        var ticks = new List<Tick>();
        for (var n = low; n <= high; n++)
        {
            if (((n % every) + every) % every == 0)
            {
                ticks.Add(new Tick(Math.Pow(10, n), Label(n)));
            }
        }

        var minor = new List<double>();
        for (var n = low - 1; n <= high && every == 1; n++)
        {
            for (var m = 2; m <= 9; m++)
            {
                var value = m * Math.Pow(10, n);
                if (value >= min && value <= max)
                {
                    minor.Add(value);
                }
            }
        }

        // Skipped decades become minor ticks themselves.
        for (var n = low; n <= high && every > 1; n++)
        {
            if (((n % every) + every) % every != 0)
            {
                minor.Add(Math.Pow(10, n));
            }
        }

        return new AxisTicks(ticks, every, 0) { Minor = minor };
    }

    /// <summary>Ticks at m × 10ⁿ, labelled where m is one of <paramref name="labelled"/>, minor elsewhere.</summary>
    private static AxisTicks Mantissas(double min, double max, int low, int high, int[] labelled)
    {
        var ticks = new List<Tick>();
        var minor = new List<double>();
        for (var n = low; n <= high; n++)
        {
            for (var m = 1; m <= 9; m++)
            {
                var value = m * Math.Pow(10, n);
                if (value < min * (1 - 1e-9) || value > max * (1 + 1e-9))
                {
                    continue;
                }

                if (labelled.Contains(m))
                {
                    ticks.Add(new Tick(value, Label(m, n)));
                }
                else
                {
                    minor.Add(value);
                }
            }
        }

        return new AxisTicks(ticks, 1, 0) { Minor = minor };
    }

    /// <summary>The label of m × 10ⁿ.</summary>
    public static string Label(int mantissa, int exponent) => mantissa == 1
        ? Label(exponent)
        : exponent is >= -2 and <= 3
            ? (mantissa * Math.Pow(10, exponent)).ToString("F" + Math.Max(0, -exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : mantissa.ToString(CultureInfo.InvariantCulture) + "×" + Label(exponent);

    /// <summary>The label of 10ⁿ.</summary>
    public static string Label(int exponent) => exponent switch
    {
        >= -2 and <= 3 => Math.Pow(10, exponent).ToString(exponent < 0 ? "F" + (-exponent).ToString(CultureInfo.InvariantCulture) : "F0", CultureInfo.InvariantCulture),
        < 0 => "10<sup>" + Minus + (-exponent).ToString(CultureInfo.InvariantCulture) + "</sup>",
        _ => "10<sup>" + exponent.ToString(CultureInfo.InvariantCulture) + "</sup>",
    };
}

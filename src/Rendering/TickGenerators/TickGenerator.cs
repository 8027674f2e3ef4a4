using System.Globalization;

namespace LabCharts.Rendering;

/// <summary>
/// "Nice" linear ticks: steps of 1, 2 or 5 × 10ⁿ, labels computed from integer multiples of the step
/// and printed with exactly the step's decimals, so 0.1 + 0.2 prints as 0.3. When the numbers get
/// long (|v| ≥ 10⁴ or all |v| &lt; 10⁻²) the labels share a power of ten, which the axis label takes
/// over (<c>U / 10⁻³ V</c>). Minor ticks split a step in 5 (steps 1 and 5) or 4 (step 2), as matplotlib's
/// AutoMinorLocator does.
/// </summary>
public static class TickGenerator
{
    /// <summary>At or above this magnitude the labels share a power of ten.</summary>
    public const double LargeLimit = 1e4;

    /// <summary>When every label is below this magnitude they share a (negative) power of ten.</summary>
    public const double SmallLimit = 1e-2;

    private const char Minus = '\u2212';

    /// <summary>Ticks inside [min, max], at most about <paramref name="targetCount"/> + 1 of them.</summary>
    public static AxisTicks Generate(double min, double max, int targetCount)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            throw new ArgumentException($"Invalid range [{min}, {max}].", nameof(max));
        }

        var step = NiceStep((max - min) / Math.Max(1, targetCount));

        // Rounding the step up can halve the count (0.56 → 1); take the next smaller nice step when it stays near the target.
        var smaller = step / (Math.Abs((step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9))) - 5) < 1e-6 ? 2.5 : 2);
        if ((max - min) / smaller <= targetCount * 1.5)
        {
            step = smaller;
        }

        var stepExponent = (int)Math.Floor(Math.Log10(step) + 1e-9);
        var first = (long)Math.Ceiling((min / step) - 1e-9);
        var last = (long)Math.Floor((max / step) + 1e-9);
        var largest = Math.Max(Math.Abs(first * step), Math.Abs(last * step));
        var exponent = largest >= LargeLimit || (largest > 0 && largest < SmallLimit)
            ? (int)Math.Floor(Math.Log10(largest) + 1e-9)
            : 0;
        var decimals = Math.Clamp(exponent - stepExponent, 0, 15);

        var ticks = new List<Tick>((int)Math.Max(0, last - first + 1));
        for (var i = first; i <= last; i++)
        {
            var value = i * step;
            ticks.Add(new Tick(value, FormatNumber(value / Math.Pow(10, exponent), decimals)));
        }

        return new AxisTicks(ticks, step, exponent) { Minor = Minor(min, max, step) };
    }

    /// <summary>The smallest 1-2-5 × 10ⁿ step not below <paramref name="rawStep"/>.</summary>
    public static double NiceStep(double rawStep)
    {
        if (!(rawStep > 0) || !double.IsFinite(rawStep))
        {
            throw new ArgumentOutOfRangeException(nameof(rawStep), rawStep, "Step must be positive and finite.");
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rawStep)));
        var normalized = rawStep / magnitude;
        var nice = normalized <= 1 + 1e-9 ? 1 : normalized <= 2 + 1e-9 ? 2 : normalized <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Formats with fixed decimals, a true minus sign, and never "−0".</summary>
    public static string FormatNumber(double value, int decimals)
    {
        var text = Math.Round(value, Math.Clamp(decimals, 0, 15)).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.StartsWith('-'))
        {
            return text.AsSpan(1).ContainsAnyExcept("0.") ? Minus + text[1..] : text[1..];
        }

        return text;
    }

    private static double[] Minor(double min, double max, double step)
    {
        var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        var divisions = Math.Abs(mantissa - 2) < 1e-6 ? 4 : 5;
        var minorStep = step / divisions;
        var first = (long)Math.Ceiling((min / minorStep) - 1e-9);
        var last = (long)Math.Floor((max / minorStep) + 1e-9);
        if (last - first > 2000)
        {
            return [];
        }

        var minor = new List<double>();
        for (var i = first; i <= last; i++)
        {
            if (i % divisions != 0)
            {
                minor.Add(i * minorStep);
            }
        }

        return [.. minor];
    }
}

using MathNet.Numerics.Distributions;

namespace LabCharts.Analysis;

/// <summary>The tests for an outlier among repeated readings that lab manuals use.</summary>
public enum OutlierTest
{
    /// <summary>Grubbs (GB/T 4883, ASTM E178): the most extreme reading against G_crit(n, α), repeated while one is found.</summary>
    Grubbs,

    /// <summary>拉依达 (3σ): a reading more than 3 s from the mean (meaningful from n ≥ 10).</summary>
    ThreeSigma,

    /// <summary>Chauvenet: a reading whose two-sided tail probability times n is below 1/2.</summary>
    Chauvenet,
}

/// <summary>Outliers among repeated readings: which readings a test flags, never silently removed.</summary>
public static class Outliers
{
    /// <summary>
    /// The one-sided Grubbs critical value G_crit(n, α) of the tables (GB/T 4883, ASTM E178 Table 1):
    /// ((n − 1)/√n)·√(t²/(n − 2 + t²)) with t the upper α/n quantile of Student t with n − 2 degrees of freedom.
    /// </summary>
    public static double GrubbsCritical(int n, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        CoverageFactor.ThrowIfNotProbability(alpha);
        // The tables' two levels are remembered per n: the t quantile is a root search (a tenth of a
        // typical job's validation before, bench/Job split). A race computes the same value twice.
        var table = alpha == 0.05 ? Critical05 : alpha == 0.01 ? Critical01 : null;
        if (table is null || n >= table.Length)
        {
            return ComputeGrubbsCritical(n, alpha);
        }

        var critical = Volatile.Read(ref table[n]);
        if (critical == 0)
        {
            critical = ComputeGrubbsCritical(n, alpha);
            Volatile.Write(ref table[n], critical);
        }

        return critical;
    }

    private static readonly double[] Critical05 = new double[1024];
    private static readonly double[] Critical01 = new double[1024];

    private static double ComputeGrubbsCritical(int n, double alpha)
    {
        var t = new StudentT(0, 1, n - 2).InverseCumulativeDistribution(1 - (alpha / n));
        return (n - 1) / Math.Sqrt(n) * Math.Sqrt(t * t / (n - 2 + (t * t)));
    }

    /// <summary>
    /// Grubbs looks again after a find at most this often: the test is for a few gross errors, and each
    /// pass reads every reading (a point may have 100,000).
    /// </summary>
    public const int MaxFlagged = 10;

    /// <summary>
    /// The indices of the readings <paramref name="test"/> flags, in ascending order. Grubbs removes the
    /// flagged reading and looks again while at least three remain (at most <see cref="MaxFlagged"/> finds); 3σ and Chauvenet look once.
    /// Fewer than three readings (or all equal) flag nothing.
    /// </summary>
    public static IReadOnlyList<int> Find(IReadOnlyList<double> readings, OutlierTest test = OutlierTest.Grubbs, double alpha = 0.05) =>
        [.. Evaluate(readings, test, alpha).Select(o => o.Index)];

    /// <summary>
    /// As <see cref="Find"/>, with each flagged reading's statistic and the critical value it exceeded
    /// (Grubbs: G = |x − x̄|/s against G_crit(n, α) of the readings still in; 3σ: |x − x̄|/s against 3;
    /// Chauvenet: n·P(|Z| ≥ |x − x̄|/s) against 0.5, flagged when below).
    /// </summary>
    public static IReadOnlyList<FlaggedReading> Evaluate(IReadOnlyList<double> readings, OutlierTest test = OutlierTest.Grubbs, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var flagged = new List<FlaggedReading>();
        if (readings.Count < 3)
        {
            return flagged;
        }

        // The readings still in, by index; a Grubbs find removes one and the test looks again.
        var remaining = new int[readings.Count];
        for (var i = 0; i < remaining.Length; i++)
        {
            remaining[i] = i;
        }

        var count = remaining.Length;
        var values = new double[count];
        while (count >= 3 && flagged.Count < MaxFlagged)
        {
            for (var k = 0; k < count; k++)
            {
                values[k] = readings[remaining[k]];
            }

            var kept = new ArraySegment<double>(values, 0, count);
            var mean = StandardUncertainty.Mean(kept);
            var s = StandardUncertainty.TypeA(kept) * Math.Sqrt(count);
            if (!(s > 0))
            {
                break;
            }

            if (test == OutlierTest.Grubbs)
            {
                var extreme = 0;
                for (var k = 1; k < count; k++)
                {
                    if (Math.Abs(values[k] - mean) > Math.Abs(values[extreme] - mean))
                    {
                        extreme = k;
                    }
                }

                var g = Math.Abs(values[extreme] - mean) / s;
                var critical = GrubbsCritical(count, alpha);
                if (g <= critical)
                {
                    break;
                }

                flagged.Add(new FlaggedReading(remaining[extreme], g, critical));
                Array.Copy(remaining, extreme + 1, remaining, extreme, count - extreme - 1);
                count--;
                continue;
            }

            for (var k = 0; k < count; k++)
            {
                var z = Math.Abs(values[k] - mean) / s;
                if (test == OutlierTest.ThreeSigma && z > 3)
                {
                    flagged.Add(new FlaggedReading(remaining[k], z, 3));
                }
                else if (test == OutlierTest.Chauvenet && count * 2 * (1 - Normal.CDF(0, 1, z)) is var expected && expected < 0.5)
                {
                    flagged.Add(new FlaggedReading(remaining[k], expected, 0.5));
                }
            }

            break;
        }

        flagged.Sort((a, b) => a.Index.CompareTo(b.Index));
        return flagged;
    }

    /// <summary>The test's name in requests and results: <c>grubbs</c>, <c>three_sigma</c>, <c>chauvenet</c>.</summary>
    public static string Name(OutlierTest test) => test switch
    {
        OutlierTest.Grubbs => "grubbs",
        OutlierTest.ThreeSigma => "three_sigma",
        _ => "chauvenet",
    };

    /// <summary>The test named <paramref name="name"/> (as <see cref="Name"/> gives, case-insensitive), or false.</summary>
    public static bool TryParse(string? name, out OutlierTest test)
    {
        foreach (var candidate in Enum.GetValues<OutlierTest>())
        {
            if (string.Equals(Name(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                test = candidate;
                return true;
            }
        }

        test = default;
        return false;
    }
}

/// <summary>A reading a test flagged: its index, the test statistic and the critical value.</summary>
public sealed record FlaggedReading(int Index, double Statistic, double Critical);

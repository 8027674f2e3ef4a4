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
        var remaining = Enumerable.Range(0, readings.Count).ToList();
        while (remaining.Count >= 3 && flagged.Count < MaxFlagged)
        {
            var values = remaining.Select(i => readings[i]).ToList();
            var mean = StandardUncertainty.Mean(values);
            var s = StandardUncertainty.TypeA(values) * Math.Sqrt(values.Count);
            if (!(s > 0))
            {
                break;
            }

            if (test == OutlierTest.Grubbs)
            {
                var extreme = remaining.MaxBy(i => Math.Abs(readings[i] - mean));
                var g = Math.Abs(readings[extreme] - mean) / s;
                var critical = GrubbsCritical(values.Count, alpha);
                if (g <= critical)
                {
                    break;
                }

                flagged.Add(new FlaggedReading(extreme, g, critical));
                remaining.Remove(extreme);
                continue;
            }

            foreach (var i in remaining)
            {
                var z = Math.Abs(readings[i] - mean) / s;
                if (test == OutlierTest.ThreeSigma && z > 3)
                {
                    flagged.Add(new FlaggedReading(i, z, 3));
                }
                else if (test == OutlierTest.Chauvenet && values.Count * 2 * (1 - Normal.CDF(0, 1, z)) is var expected && expected < 0.5)
                {
                    flagged.Add(new FlaggedReading(i, expected, 0.5));
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

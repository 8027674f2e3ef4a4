using MathNet.Numerics.Distributions;

namespace LabCharts.Analysis;

/// <summary>
/// The factors that turn a standard uncertainty into one at a stated level of confidence, as
/// university lab manuals teach them: the Student t factor t_p(ν) for type A from n readings
/// (ν = n − 1), and the coverage factor k of an expanded uncertainty U = k·u_c.
/// </summary>
public static class CoverageFactor
{
    /// <summary>
    /// The two-sided Student t factor t_p(ν): the value a t-distributed variable with ν degrees of
    /// freedom stays within with probability <paramref name="level"/> (0.683 and 0.95 in lab manuals).
    /// </summary>
    public static double StudentT(double level, int degreesOfFreedom)
    {
        ThrowIfNotProbability(level);
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return StudentTDistribution(degreesOfFreedom).InverseCumulativeDistribution((1 + level) / 2);
    }

    /// <summary>
    /// Type A with the t factor: t_p(n − 1)·s/√n, the half-width of the interval that holds the true
    /// mean with probability <paramref name="level"/>. 0 for a single reading.
    /// </summary>
    public static double TypeA(IReadOnlyList<double> readings, double level)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Count < 2 ? 0 : StudentT(level, readings.Count - 1) * StandardUncertainty.TypeA(readings);
    }

    /// <summary>
    /// The coverage factor k of an expanded uncertainty at <paramref name="level"/> for a normal
    /// distribution (k = 1.96 at 0.95, 2.576 at 0.99; lab manuals round 0.95 to k = 2).
    /// </summary>
    public static double Normal(double level)
    {
        ThrowIfNotProbability(level);
        return MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + level) / 2);
    }

    /// <summary>
    /// Welch–Satterthwaite with one finite-ν contribution: ν_eff = ν·(u_C/u_part)⁴ (the other contributions
    /// are type B, ν = ∞). Null (infinite) when ν is, when either uncertainty is 0, or when the ratio
    /// overflows — never NaN.
    /// </summary>
    public static double? EffectiveDegreesOfFreedom(double combined, double part, double? degreesOfFreedom)
    {
        if (degreesOfFreedom is not { } nu || !(part > 0) || !(combined > 0))
        {
            return null;
        }

        var ratio = combined / part;
        var result = nu * (ratio * ratio) * (ratio * ratio);
        return double.IsFinite(result) && result > 0 ? result : null;
    }

    internal static void ThrowIfNotProbability(double level, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(level))] string? name = null)
    {
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(name, level, "A probability in (0, 1) is needed.");
        }
    }

    private static StudentT StudentTDistribution(int degreesOfFreedom) =>
        new(location: 0, scale: 1, freedom: degreesOfFreedom);
}

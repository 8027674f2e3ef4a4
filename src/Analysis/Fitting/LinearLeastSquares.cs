using MathNet.Numerics.LinearAlgebra;

namespace LabCharts.Analysis;

/// <summary>
/// Linear least squares min ‖W^½(y − A·b)‖² by Householder QR of the weighted design with its
/// columns scaled to unit norm, never by the normal equations (which square the condition
/// number: NIST's Filip, a degree-10 polynomial, has cond(A) ≈ 10¹⁵ in the raw monomials).
/// </summary>
/// <remarks>
/// The factorisation runs in double-double arithmetic (≈ 32 digits). In plain double,
/// Householder QR (MathNet's included) reaches 7.9 digits on Wampler4's intercept, 5.9 on
/// Wampler5's and 7.0 on Filip's standard errors — short of the 9 the NIST bar asks for, because
/// there the certified values sit below the noise of double-precision residuals. At lab sizes
/// (≤ a few hundred points, ≤ 11 columns) the extra precision costs microseconds.
/// </remarks>
internal static class LinearLeastSquares
{
    /// <summary>Relative size below which a diagonal entry of R counts as zero: the columns are dependent.</summary>
    private const double RankTolerance = 1e-20;

    /// <summary>
    /// Solves for b. <paramref name="sigma"/> null for an unweighted fit. Returns null when the
    /// (scaled) design is rank-deficient. The covariance is (AᵀWA)⁻¹, not yet scaled by χ²/dof;
    /// the residuals are y − A·b (unweighted), computed in double-double.
    /// </summary>
    public static LinearSolution? Solve(Matrix<double> design, double[] y, double[]? sigma)
    {
        var n = design.RowCount;
        var p = design.ColumnCount;
        var a = new DoubleDouble[n, p];
        var rhs = new DoubleDouble[n];
        for (var i = 0; i < n; i++)
        {
            DoubleDouble w = sigma is null ? 1 : (DoubleDouble)1 / sigma[i];
            rhs[i] = w * y[i];
            for (var j = 0; j < p; j++)
            {
                a[i, j] = w * design[i, j];
            }
        }

        // Unit-norm columns: x¹⁰ next to 1 would otherwise make R's diagonal span ten orders of
        // magnitude and the rank test meaningless.
        var scale = new DoubleDouble[p];
        for (var j = 0; j < p; j++)
        {
            DoubleDouble sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += a[i, j] * a[i, j];
            }

            scale[j] = sum.Hi > 0 ? DoubleDouble.Sqrt(sum) : 1;
            for (var i = 0; i < n; i++)
            {
                a[i, j] /= scale[j];
            }
        }

        if (!HouseholderFactor(a, rhs, n, p))
        {
            return null;
        }

        // Back substitution R·c = Qᵀy, then b = c / scale.
        var c = new DoubleDouble[p];
        for (var j = p - 1; j >= 0; j--)
        {
            var sum = rhs[j];
            for (var k = j + 1; k < p; k++)
            {
                sum -= a[j, k] * c[k];
            }

            c[j] = sum / a[j, j];
        }

        // R⁻¹ (upper triangular), then Cov = R⁻¹·R⁻ᵀ, unscaled.
        var rInverse = new DoubleDouble[p, p];
        for (var j = 0; j < p; j++)
        {
            rInverse[j, j] = (DoubleDouble)1 / a[j, j];
            for (var i = j - 1; i >= 0; i--)
            {
                DoubleDouble sum = 0;
                for (var k = i + 1; k <= j; k++)
                {
                    sum += a[i, k] * rInverse[k, j];
                }

                rInverse[i, j] = -sum / a[i, i];
            }
        }

        var covariance = new double[p][];
        for (var i = 0; i < p; i++)
        {
            covariance[i] = new double[p];
            for (var j = 0; j < p; j++)
            {
                DoubleDouble sum = 0;
                for (var k = Math.Max(i, j); k < p; k++)
                {
                    sum += rInverse[i, k] * rInverse[j, k];
                }

                covariance[i][j] = (double)(sum / (scale[i] * scale[j]));
            }
        }

        var b = new DoubleDouble[p];
        for (var j = 0; j < p; j++)
        {
            b[j] = c[j] / scale[j];
        }

        var residuals = new double[n];
        for (var i = 0; i < n; i++)
        {
            DoubleDouble fitted = 0;
            for (var j = 0; j < p; j++)
            {
                fitted += b[j] * design[i, j];
            }

            residuals[i] = (double)((DoubleDouble)y[i] - fitted);
        }

        return new LinearSolution([.. b.Select(v => (double)v)], covariance, residuals);
    }

    // Overwrites a's upper triangle with R and rhs with Qᵀ·rhs. False when a column is dependent.
    private static bool HouseholderFactor(DoubleDouble[,] a, DoubleDouble[] rhs, int n, int p)
    {
        var v = new DoubleDouble[n];
        for (var k = 0; k < p; k++)
        {
            DoubleDouble norm2 = 0;
            for (var i = k; i < n; i++)
            {
                norm2 += a[i, k] * a[i, k];
            }

            var norm = DoubleDouble.Sqrt(norm2);

            // The columns have unit norm, so the remaining norm is already relative.
            if (!(norm.Hi > RankTolerance))
            {
                return false;
            }

            // v = x + sign(x₀)·‖x‖·e₀ avoids cancellation; H = I − 2vvᵀ/(vᵀv).
            var alpha = a[k, k].Hi >= 0 ? -norm : norm;
            for (var i = k; i < n; i++)
            {
                v[i] = a[i, k];
            }

            v[k] -= alpha;
            DoubleDouble vv = 0;
            for (var i = k; i < n; i++)
            {
                vv += v[i] * v[i];
            }

            for (var j = k; j < p; j++)
            {
                DoubleDouble dot = 0;
                for (var i = k; i < n; i++)
                {
                    dot += v[i] * a[i, j];
                }

                var f = (dot + dot) / vv;
                for (var i = k; i < n; i++)
                {
                    a[i, j] -= f * v[i];
                }
            }

            DoubleDouble dotRhs = 0;
            for (var i = k; i < n; i++)
            {
                dotRhs += v[i] * rhs[i];
            }

            var fr = (dotRhs + dotRhs) / vv;
            for (var i = k; i < n; i++)
            {
                rhs[i] -= fr * v[i];
            }

            a[k, k] = alpha;
        }

        return true;
    }
}

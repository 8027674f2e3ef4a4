using MathNet.Numerics.LinearAlgebra;

namespace LabCharts.Analysis;

/// <summary>
/// Levenberg–Marquardt for min ½·Σ((yᵢ − f(xᵢ; p))/σᵢ)², on MathNet's SVD. Each step solves
/// (JᵀJ + λ·D²)·δ = Jᵀr with Moré's adaptive column scaling D (the largest column norm of J
/// seen so far, which makes the method invariant to the units of the parameters: NIST's MGH10
/// starts at b₂ = 4·10⁵ next to b₁ = 2) and Nielsen's damping update from the gain ratio.
/// Optional bounds project each trial point into the box.
/// </summary>
/// <remarks>
/// Written on MathNet's SVD rather than taken from MathNet's <c>LevenbergMarquardtMinimizer</c> so
/// that the scaling, the stopping rules and the diagnostics are ours to document and test;
/// <c>bench/Nist</c> measures it against SciPy's MINPACK on the NIST problems.
/// </remarks>
internal static class LevenbergMarquardt
{
    public static LevenbergMarquardtResult Minimize(
        IFitModel model,
        double[] x,
        double[] y,
        double[]? sigma,
        double[] start,
        double[]? lower = null,
        double[]? upper = null,
        int maxIterations = 5000)
    {
        var n = x.Length;
        var m = start.Length;
        var p = Project((double[])start.Clone(), lower, upper);
        var w = sigma is null ? Enumerable.Repeat(1.0, n).ToArray() : sigma.Select(s => 1 / s).ToArray();
        var r = new double[n];
        if (!Residuals(model, x, y, w, p, r))
        {
            return new LevenbergMarquardtResult(p, Converged: false, 0, "start", double.NaN);
        }

        var cost = SumOfSquares(r);
        var scale = y.Select((v, i) => v * v * w[i] * w[i]).Sum();
        var jacobian = Matrix<double>.Build.Dense(n, m);
        var gradient = new double[m];
        var d = new double[m];
        var trial = new double[m];
        var trialResiduals = new double[n];
        double lambda = -1;
        var nu = 2.0;

        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Jacobian(model, x, w, p, jacobian, gradient);
            for (var j = 0; j < m; j++)
            {
                d[j] = Math.Max(d[j], jacobian.Column(j).L2Norm());
                if (d[j] == 0)
                {
                    d[j] = 1;
                }
            }

            if (cost == 0)
            {
                return new LevenbergMarquardtResult(p, true, iteration, "zero residual", 0);
            }

            // Scaled problem: J·D⁻¹ = U·S·Vᵀ; the step in scaled variables is V·diag(s/(s²+λ))·Uᵀr.
            var scaled = Matrix<double>.Build.Dense(n, m, (i, j) => jacobian[i, j] / d[j]);
            var svd = scaled.Svd(computeVectors: true);
            var s = svd.S;
            var utr = svd.U.TransposeThisAndMultiply(Vector<double>.Build.Dense(r));
            var gradientCosine = MaxGradientCosine(jacobian, r, cost);
            if (gradientCosine <= 1e-15)
            {
                return new LevenbergMarquardtResult(p, true, iteration, "gradient", cost);
            }

            if (lambda < 0)
            {
                lambda = 1e-3 * s[0] * s[0];
            }

            var accepted = false;
            while (!accepted)
            {
                var stepScaled = Vector<double>.Build.Dense(m);
                var predictedReduction = 0.0;
                for (var k = 0; k < m; k++)
                {
                    var sk = s[k];
                    if (!(sk > 1e-300))
                    {
                        continue;
                    }

                    var factor = sk / ((sk * sk) + lambda);
                    stepScaled += svd.VT.Row(k) * (factor * utr[k]);

                    // ‖r‖² − ‖r − Jδ‖² for this component: (uᵀr)²·(1 − (λ/(s²+λ))²).
                    var keep = lambda / ((sk * sk) + lambda);
                    predictedReduction += utr[k] * utr[k] * (1 - (keep * keep));
                }

                for (var j = 0; j < m; j++)
                {
                    trial[j] = p[j] + (stepScaled[j] / d[j]);
                }

                Project(trial, lower, upper);
                var stepNorm = 0.0;
                var pNorm = 0.0;
                for (var j = 0; j < m; j++)
                {
                    stepNorm += Square(d[j] * (trial[j] - p[j]));
                    pNorm += Square(d[j] * p[j]);
                }

                stepNorm = Math.Sqrt(stepNorm);
                pNorm = Math.Sqrt(pNorm);
                var trialCost = Residuals(model, x, y, w, trial, trialResiduals) ? SumOfSquares(trialResiduals) : double.PositiveInfinity;
                var actualReduction = cost - trialCost;
                var rho = predictedReduction > 0 ? actualReduction / predictedReduction : -1;
                if (rho > 1e-4 && double.IsFinite(trialCost))
                {
                    Array.Copy(trial, p, m);
                    Array.Copy(trialResiduals, r, n);
                    var oldCost = cost;
                    cost = trialCost;
                    lambda *= Math.Max(1.0 / 3, 1 - Math.Pow((2 * rho) - 1, 3));
                    nu = 2;
                    accepted = true;
                    if ((actualReduction <= 1e-15 * oldCost && predictedReduction <= 1e-15 * oldCost) || stepNorm <= 1e-15 * (pNorm + 1e-300))
                    {
                        return new LevenbergMarquardtResult(p, true, iteration, "tolerance", cost);
                    }
                }
                else
                {
                    // Rejected: the step was too long or the model could not be evaluated there.
                    if (stepNorm <= 1e-15 * (pNorm + 1e-300) || lambda > 1e300)
                    {
                        // Nothing smaller would change p: the minimum is as good as double precision allows.
                        // Also converged: an exact fit, whose residuals are rounding noise with no
                        // direction for the gradient test to see.
                        var stalled = gradientCosine <= 1e-6 || cost <= 1e-24 * scale;
                        return new LevenbergMarquardtResult(p, stalled, iteration, stalled ? "step" : "stalled", cost);
                    }

                    lambda *= nu;
                    nu *= 2;
                }
            }
        }

        return new LevenbergMarquardtResult(p, false, maxIterations, "iterations", cost);
    }

    /// <summary>Weighted Jacobian of f (not of the residual) at p, or null when it is not finite.</summary>
    public static Matrix<double>? WeightedJacobian(IFitModel model, double[] x, double[]? sigma, double[] p)
    {
        var w = sigma is null ? Enumerable.Repeat(1.0, x.Length).ToArray() : sigma.Select(s => 1 / s).ToArray();
        var jacobian = Matrix<double>.Build.Dense(x.Length, p.Length);
        Jacobian(model, x, w, p, jacobian, new double[p.Length]);
        return jacobian.Enumerate().All(double.IsFinite) ? jacobian : null;
    }

    private static void Jacobian(IFitModel model, double[] x, double[] w, double[] p, Matrix<double> jacobian, double[] gradient)
    {
        for (var i = 0; i < x.Length; i++)
        {
            model.Gradient(x[i], p, gradient);
            for (var j = 0; j < p.Length; j++)
            {
                jacobian[i, j] = w[i] * gradient[j];
            }
        }
    }

    private static bool Residuals(IFitModel model, double[] x, double[] y, double[] w, double[] p, double[] r)
    {
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = w[i] * (y[i] - model.Evaluate(x[i], p));
            if (!double.IsFinite(r[i]))
            {
                return false;
            }
        }

        return true;
    }

    // MINPACK's gtol test: the largest cosine between r and a column of J.
    private static double MaxGradientCosine(Matrix<double> jacobian, double[] r, double cost)
    {
        var rNorm = Math.Sqrt(cost);
        var largest = 0.0;
        for (var j = 0; j < jacobian.ColumnCount; j++)
        {
            var column = jacobian.Column(j);
            var norm = column.L2Norm();
            if (norm == 0)
            {
                continue;
            }

            var dot = 0.0;
            for (var i = 0; i < r.Length; i++)
            {
                dot += column[i] * r[i];
            }

            largest = Math.Max(largest, Math.Abs(dot) / (norm * rNorm));
        }

        return largest;
    }

    private static double[] Project(double[] p, double[]? lower, double[]? upper)
    {
        for (var j = 0; j < p.Length; j++)
        {
            if (lower is not null && p[j] < lower[j])
            {
                p[j] = lower[j];
            }

            if (upper is not null && p[j] > upper[j])
            {
                p[j] = upper[j];
            }
        }

        return p;
    }

    private static double SumOfSquares(double[] r)
    {
        var sum = 0.0;
        foreach (var v in r)
        {
            sum += v * v;
        }

        return sum;
    }

    private static double Square(double v) => v * v;
}

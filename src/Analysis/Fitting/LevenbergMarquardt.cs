namespace LabCharts.Analysis;

/// <summary>
/// Levenberg–Marquardt for min ½·Σ((yᵢ − f(xᵢ; p))/σᵢ)², on a thin SVD of the scaled Jacobian
/// (<see cref="ThinSvd"/>). Each step solves (JᵀJ + λ·D²)·δ = Jᵀr with Moré's adaptive column
/// scaling D (the largest column norm of J seen so far, which makes the method invariant to the
/// units of the parameters: NIST's MGH10 starts at b₂ = 4·10⁵ next to b₁ = 2) and Nielsen's
/// damping update from the gain ratio. Optional bounds project each trial point into the box.
/// </summary>
/// <remarks>
/// Written here rather than taken from MathNet's <c>LevenbergMarquardtMinimizer</c> so that the
/// scaling, the stopping rules and the diagnostics are ours to document and test. One SVD per
/// Jacobian serves every λ tried from it; the model is evaluated over all points at once
/// (<see cref="IFitModel.Bind"/>) and the iterations allocate nothing. <c>bench/Nist</c> measures
/// it against SciPy's MINPACK on the NIST problems (<c>docs/benchmarks/nist.md</c>).
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
        int maxIterations = 5000) =>
        new Solver(model, x, y, sigma, start, lower, upper).Minimize(maxIterations);

    /// <summary>
    /// The singular value decomposition of the weighted Jacobian of f (not of the residual) at p,
    /// or null when the Jacobian is not finite.
    /// </summary>
    public static ThinSvd? WeightedJacobianSvd(IFitModel model, double[] x, double[]? sigma, double[] p)
    {
        var n = x.Length;
        var jacobian = new double[n * p.Length];
        if (!Jacobian(model.Bind(x), Weights(sigma, n), p, jacobian))
        {
            return null;
        }

        var svd = new ThinSvd(n, p.Length);
        for (var j = 0; j < p.Length; j++)
        {
            jacobian.AsSpan(j * n, n).CopyTo(svd.Column(j));
        }

        svd.Decompose(new double[n]);
        return svd;
    }

    private static double[] Weights(double[]? sigma, int n) =>
        sigma is null ? Enumerable.Repeat(1.0, n).ToArray() : sigma.Select(s => 1 / s).ToArray();

    // The weighted Jacobian column by column (wᵢ·∂f(xᵢ)/∂pⱼ at [j·n + i]); false when it is not finite.
    private static bool Jacobian(IFitEvaluator evaluator, double[] w, double[] p, double[] jacobian)
    {
        evaluator.Jacobian(p, jacobian);
        var n = w.Length;
        var finite = true;
        for (var k = 0; k < jacobian.Length; k++)
        {
            jacobian[k] *= w[k % n];
            finite &= double.IsFinite(jacobian[k]);
        }

        return finite;
    }

    private static double Norm(ReadOnlySpan<double> v) => Kernels.Norm(v);

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Kernels.Dot(a, b);

    private static double Square(double v) => v * v;

    /// <summary>One minimisation: the state and every work array, made once (the iterations allocate nothing).</summary>
    private sealed class Solver
    {
        // Gauss–Newton steps at the end: enough for linear convergence from the LM point to the noise floor.
        private const int PolishSteps = 12;

        private readonly IFitEvaluator _evaluator;
        private readonly double[] _y;
        private readonly double[] _w;
        private readonly double[]? _lower;
        private readonly double[]? _upper;
        private readonly int _n;
        private readonly int _m;
        private readonly double[] _p;
        private readonly double[] _values;
        private readonly double[] _r;
        private readonly double[] _jacobian;
        private readonly ThinSvd _svd;
        private readonly double[] _d;
        private readonly double[] _stepScaled;
        private readonly double[] _trial;
        private readonly double[] _trialResiduals;
        private double _cost;
        private int _iteration;

        public Solver(IFitModel model, double[] x, double[] y, double[]? sigma, double[] start, double[]? lower, double[]? upper)
        {
            _n = x.Length;
            _m = start.Length;
            _y = y;
            _w = Weights(sigma, _n);
            _lower = lower;
            _upper = upper;
            _evaluator = model.Bind(x);
            _p = (double[])start.Clone();
            Project(_p);
            _values = new double[_n];
            _r = new double[_n];
            _jacobian = new double[_n * _m];
            _svd = new ThinSvd(_n, _m);
            _d = new double[_m];
            _stepScaled = new double[_m];
            _trial = new double[_m];
            _trialResiduals = new double[_n];
        }

        public LevenbergMarquardtResult Minimize(int maxIterations)
        {
            if (!Residuals(_p, _r))
            {
                return new LevenbergMarquardtResult(_p, Converged: false, 0, "start", double.NaN);
            }

            _cost = SumOfSquares(_r);
            var scale = _y.Select((v, i) => v * v * _w[i] * _w[i]).Sum();
            double lambda = -1;
            var nu = 2.0;

            for (_iteration = 1; _iteration <= maxIterations; _iteration++)
            {
                if (!Linearize())
                {
                    return Result(false, "stalled");
                }

                if (_cost == 0)
                {
                    return Result(true, "zero residual");
                }

                var s = _svd.S;
                var gradientCosine = MaxGradientCosine();
                if (gradientCosine <= 1e-15)
                {
                    return Polished("gradient");
                }

                if (lambda < 0)
                {
                    lambda = 1e-3 * s[0] * s[0];
                }

                var accepted = false;
                while (!accepted)
                {
                    var predictedReduction = Step(lambda);
                    var (stepNorm, pNorm) = TrialPoint();
                    var trialCost = Residuals(_trial, _trialResiduals) ? SumOfSquares(_trialResiduals) : double.PositiveInfinity;
                    var actualReduction = _cost - trialCost;
                    var rho = predictedReduction > 0 ? actualReduction / predictedReduction : -1;
                    if (rho > 1e-4 && double.IsFinite(trialCost))
                    {
                        var oldCost = _cost;
                        Accept(trialCost);
                        lambda *= Math.Max(1.0 / 3, 1 - Math.Pow((2 * rho) - 1, 3));
                        nu = 2;
                        accepted = true;
                        if ((actualReduction <= 1e-15 * oldCost && predictedReduction <= 1e-15 * oldCost) || stepNorm <= 1e-15 * (pNorm + 1e-300))
                        {
                            return Polished("tolerance");
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
                            var stalled = gradientCosine <= 1e-6 || _cost <= 1e-24 * scale;
                            return stalled ? Polished("step") : Result(false, "stalled");
                        }

                        lambda *= nu;
                        nu *= 2;
                    }
                }
            }

            return new LevenbergMarquardtResult(_p, false, maxIterations, "iterations", _cost);
        }

        private LevenbergMarquardtResult Result(bool converged, string reason) => new(_p, converged, _iteration, reason, _cost);

        /// <summary>
        /// Converged: Gauss–Newton steps (λ = 0) while they shrink. The LM tests stop where the
        /// sum of squares no longer changes in double precision, which fixes the parameters only
        /// to about √ε of their spread along flat directions; the Gauss–Newton fixed point is
        /// where Jᵀr = 0 to the rounding of r itself, which is what the certified values are.
        /// </summary>
        private LevenbergMarquardtResult Polished(string reason)
        {
            var previous = double.PositiveInfinity;
            for (var k = 0; k < PolishSteps && _cost > 0; k++)
            {
                if (!Linearize())
                {
                    break;
                }

                Step(0);
                var (stepNorm, _) = TrialPoint();
                if (!(stepNorm < previous) || !Residuals(_trial, _trialResiduals))
                {
                    break;
                }

                var trialCost = SumOfSquares(_trialResiduals);
                if (!(trialCost <= _cost + RoundingOfCost()))
                {
                    break;
                }

                Accept(trialCost);
                _iteration++;
                previous = stepNorm;
            }

            return Result(true, reason);
        }

        // How much Σr² may move by rounding alone: each rᵢ = wᵢ(yᵢ − fᵢ) is off by about ε·|wᵢyᵢ|.
        private double RoundingOfCost()
        {
            var sum = 0.0;
            for (var i = 0; i < _n; i++)
            {
                sum += Math.Abs(_r[i] * _w[i] * _y[i]);
            }

            return 8 * 2.3e-16 * sum;
        }

        /// <summary>The Jacobian at p, the scaling D and the SVD of J·D⁻¹ with Uᵀr; false when J is not finite.</summary>
        private bool Linearize()
        {
            if (!Jacobian(_evaluator, _w, _p, _jacobian))
            {
                return false;
            }

            for (var j = 0; j < _m; j++)
            {
                var source = _jacobian.AsSpan(j * _n, _n);
                _d[j] = Math.Max(_d[j], Norm(source));
                if (_d[j] == 0)
                {
                    _d[j] = 1;
                }

                var column = _svd.Column(j);
                for (var i = 0; i < _n; i++)
                {
                    column[i] = source[i] / _d[j];
                }
            }

            _svd.Decompose(_r);
            return true;
        }

        /// <summary>
        /// The step in scaled variables for damping λ, V·diag(s/(s²+λ))·Uᵀr, into _stepScaled;
        /// returns the reduction of Σr² the linear model predicts. Singular values at rounding
        /// level are left out (the pseudo-inverse at λ = 0).
        /// </summary>
        private double Step(double lambda)
        {
            var s = _svd.S;
            var utr = _svd.UtB;
            Array.Clear(_stepScaled);
            var predictedReduction = 0.0;
            for (var k = 0; k < _m; k++)
            {
                var sk = s[k];
                if (!(sk > 1e-300) || (lambda == 0 && !(sk > 1e-15 * s[0])))
                {
                    continue;
                }

                var factor = sk / ((sk * sk) + lambda);
                for (var j = 0; j < _m; j++)
                {
                    _stepScaled[j] += _svd.V[j + (k * _m)] * (factor * utr[k]);
                }

                // ‖r‖² − ‖r − Jδ‖² for this component: (uᵀr)²·(1 − (λ/(s²+λ))²).
                var keep = lambda / ((sk * sk) + lambda);
                predictedReduction += utr[k] * utr[k] * (1 - (keep * keep));
            }

            return predictedReduction;
        }

        /// <summary>p + D⁻¹·step, projected into the bounds, into _trial; the scaled lengths of the step and of p.</summary>
        private (double Step, double P) TrialPoint()
        {
            for (var j = 0; j < _m; j++)
            {
                _trial[j] = _p[j] + (_stepScaled[j] / _d[j]);
            }

            Project(_trial);
            var stepNorm = 0.0;
            var pNorm = 0.0;
            for (var j = 0; j < _m; j++)
            {
                stepNorm += Square(_d[j] * (_trial[j] - _p[j]));
                pNorm += Square(_d[j] * _p[j]);
            }

            return (Math.Sqrt(stepNorm), Math.Sqrt(pNorm));
        }

        private void Accept(double trialCost)
        {
            Array.Copy(_trial, _p, _m);
            Array.Copy(_trialResiduals, _r, _n);
            _cost = trialCost;
        }

        private bool Residuals(double[] p, double[] r)
        {
            _evaluator.Values(p, _values);
            for (var i = 0; i < _n; i++)
            {
                r[i] = _w[i] * (_y[i] - _values[i]);
                if (!double.IsFinite(r[i]))
                {
                    return false;
                }
            }

            return true;
        }

        // MINPACK's gtol test: the largest cosine between r and a column of J.
        private double MaxGradientCosine()
        {
            var rNorm = Math.Sqrt(_cost);
            var largest = 0.0;
            for (var j = 0; j < _m; j++)
            {
                var column = _jacobian.AsSpan(j * _n, _n);
                var norm = Norm(column);
                if (norm != 0)
                {
                    largest = Math.Max(largest, Math.Abs(Dot(column, _r)) / (norm * rNorm));
                }
            }

            return largest;
        }

        private void Project(double[] p)
        {
            for (var j = 0; j < p.Length; j++)
            {
                if (_lower is not null && p[j] < _lower[j])
                {
                    p[j] = _lower[j];
                }

                if (_upper is not null && p[j] > _upper[j])
                {
                    p[j] = _upper[j];
                }
            }
        }

        private static double SumOfSquares(double[] r) => Dot(r, r);
    }
}

namespace LabCharts.Analysis;

/// <summary>
/// The singular values and right singular vectors of a tall n×m matrix A, and Uᵀb for one vector
/// b, without the n×n U: Householder QR (A = Q·R), then one-sided Jacobi (Hestenes) on the m×m R,
/// which gives the small singular values to high relative accuracy. The work arrays are made once;
/// <see cref="Decompose"/> allocates nothing, so Levenberg–Marquardt can call it every iteration.
/// </summary>
internal sealed class ThinSvd
{
    private const int MaxSweeps = 60;

    private readonly int _n;
    private readonly int _m;
    private readonly int _rows;
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double[] _w;
    private readonly double[] _v;
    private readonly double[] _norms;
    private readonly int[] _order;

    public ThinSvd(int rows, int columns)
    {
        _n = rows;
        _m = columns;

        // Fewer rows than columns: zero rows below make A square, which changes no singular value.
        _rows = Math.Max(rows, columns);
        _a = new double[_rows * columns];
        _b = new double[_rows];
        _w = new double[columns * columns];
        _v = new double[columns * columns];
        _norms = new double[columns];
        _order = new int[columns];
        S = new double[columns];
        V = new double[columns * columns];
        UtB = new double[columns];
    }

    /// <summary>Singular values, largest first.</summary>
    public double[] S { get; }

    /// <summary>Right singular vectors, column k (<c>V[j + k·m]</c>) belonging to <c>S[k]</c>.</summary>
    public double[] V { get; }

    /// <summary>uₖᵀb for each left singular vector uₖ (0 where <c>S[k]</c> is 0).</summary>
    public double[] UtB { get; }

    /// <summary>Column <paramref name="j"/> of A (n values), for the caller to fill before <see cref="Decompose"/>.</summary>
    public Span<double> Column(int j) => _a.AsSpan(j * _rows, _n);

    /// <summary>Decomposes the matrix filled through <see cref="Column"/> (and overwrites it).</summary>
    public void Decompose(ReadOnlySpan<double> b)
    {
        b.CopyTo(_b);
        for (var j = 0; j < _m; j++)
        {
            _a.AsSpan((j * _rows) + _n, _rows - _n).Clear();
        }

        _b.AsSpan(_n).Clear();
        Triangularize();
        Diagonalize();
        Sort();
    }

    // Householder QR in place: R into _w (column-major, m×m), Qᵀb into the first m entries of _b.
    private void Triangularize()
    {
        Array.Clear(_w);
        for (var k = 0; k < _m; k++)
        {
            var column = _a.AsSpan((k * _rows) + k, _rows - k);
            var norm = Math.Sqrt(Dot(column, column));
            if (norm == 0)
            {
                continue;
            }

            // H = I − τ·v·vᵀ with v = a − α·e₁, α of the sign opposite to a₀ (no cancellation).
            var alpha = column[0] >= 0 ? -norm : norm;
            column[0] -= alpha;
            var tau = -1 / (alpha * column[0]);
            for (var j = k + 1; j < _m; j++)
            {
                Reflect(column, _a.AsSpan((j * _rows) + k, _rows - k), tau);
                _w[k + (j * _m)] = _a[k + (j * _rows)];
            }

            Reflect(column, _b.AsSpan(k), tau);
            _w[k + (k * _m)] = alpha;
        }
    }

    private static void Reflect(ReadOnlySpan<double> v, Span<double> target, double tau) =>
        Kernels.SubtractScaled(v, tau * Dot(v, target), target);

    // One-sided Jacobi: rotate pairs of columns of W = R·V until all are orthogonal; V collects the rotations.
    private void Diagonalize()
    {
        Array.Clear(_v);
        for (var k = 0; k < _m; k++)
        {
            _v[k + (k * _m)] = 1;
        }

        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var rotated = false;
            for (var p = 0; p < _m - 1; p++)
            {
                for (var q = p + 1; q < _m; q++)
                {
                    var wp = _w.AsSpan(p * _m, _m);
                    var wq = _w.AsSpan(q * _m, _m);
                    var alpha = Dot(wp, wp);
                    var beta = Dot(wq, wq);
                    var gamma = Dot(wp, wq);
                    if (gamma == 0 || Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha * beta))
                    {
                        continue;
                    }

                    rotated = true;
                    var zeta = (beta - alpha) / (2 * gamma);
                    var t = (zeta >= 0 ? 1 : -1) / (Math.Abs(zeta) + double.Hypot(1, zeta));
                    var c = 1 / Math.Sqrt(1 + (t * t));
                    var s = c * t;
                    Rotate(wp, wq, c, s);
                    Rotate(_v.AsSpan(p * _m, _m), _v.AsSpan(q * _m, _m), c, s);
                }
            }

            if (!rotated)
            {
                break;
            }
        }
    }

    private static void Rotate(Span<double> x, Span<double> y, double c, double s)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var (a, b) = (x[i], y[i]);
            x[i] = (c * a) - (s * b);
            y[i] = (s * a) + (c * b);
        }
    }

    // Singular values are the column norms of W, uₖ = wₖ/σₖ; largest first, as LAPACK orders them.
    private void Sort()
    {
        for (var k = 0; k < _m; k++)
        {
            var wk = _w.AsSpan(k * _m, _m);
            _norms[k] = Math.Sqrt(Dot(wk, wk));
            _order[k] = k;
        }

        Array.Sort(_norms, _order);
        for (var k = 0; k < _m; k++)
        {
            var from = _order[_m - 1 - k];
            var sigma = _norms[_m - 1 - k];
            S[k] = sigma;
            _v.AsSpan(from * _m, _m).CopyTo(V.AsSpan(k * _m, _m));
            UtB[k] = sigma > 0 ? Dot(_w.AsSpan(from * _m, _m), _b.AsSpan(0, _m)) / sigma : 0;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Kernels.Dot(a, b);
}

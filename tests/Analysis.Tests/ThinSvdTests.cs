using MathNet.Numerics.LinearAlgebra;

namespace LabCharts.Analysis.Tests;

/// <summary>The solver's thin SVD (Householder QR, then Jacobi on R) against MathNet's full SVD.</summary>
public sealed class ThinSvdTests
{
    [Theory]
    [InlineData(40, 4, false)]
    [InlineData(9, 9, false)]
    [InlineData(3, 5, false)]
    [InlineData(30, 5, true)]
    public void Decompose_MatchesMathNet(int rows, int columns, bool dependentColumn)
    {
        var random = new Random(12);
        var a = Matrix<double>.Build.Dense(rows, columns, (i, j) => (random.NextDouble() - 0.5) * Math.Pow(10, j - 2));
        if (dependentColumn)
        {
            a.SetColumn(columns - 1, a.Column(0) * 3);
        }

        var b = Vector<double>.Build.Dense(rows, _ => random.NextDouble());
        var svd = new ThinSvd(rows, columns);
        for (var j = 0; j < columns; j++)
        {
            a.Column(j).ToArray().CopyTo(svd.Column(j));
        }

        svd.Decompose(b.ToArray());
        var reference = a.Svd(computeVectors: true);
        var utb = reference.U.TransposeThisAndMultiply(b);
        var largest = reference.S[0];
        for (var k = 0; k < Math.Min(rows, columns); k++)
        {
            Assert.True(Math.Abs(svd.S[k] - reference.S[k]) <= 1e-13 * largest, $"σ{k}: {svd.S[k]} vs {reference.S[k]}");
            if (reference.S[k] < 1e-10 * largest)
            {
                continue;
            }

            // vₖ·(uₖᵀb) does not depend on the sign either vector was given; singular vectors are
            // determined to about ε·σ₀/σₖ.
            var tolerance = 1e-12 * largest / reference.S[k];
            for (var j = 0; j < columns; j++)
            {
                var ours = svd.V[j + (k * columns)] * svd.UtB[k];
                var theirs = reference.VT[k, j] * utb[k];
                Assert.True(Math.Abs(ours - theirs) <= tolerance * Math.Max(1, Math.Abs(theirs)), $"v{k}[{j}]·u{k}ᵀb: {ours} vs {theirs}");
            }
        }

        for (var k = Math.Min(rows, columns); k < columns; k++)
        {
            Assert.True(svd.S[k] <= 1e-13 * largest);
        }
    }
}

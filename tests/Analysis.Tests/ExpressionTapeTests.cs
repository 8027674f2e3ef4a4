using LabCharts.Analysis.Tests.Nist;

namespace LabCharts.Analysis.Tests;

/// <summary>
/// The compiled tapes the fits run (<see cref="ExpressionModel.Bind"/>) against the expression
/// trees they were made from: the same numbers to the bit, derivatives that match finite
/// differences, and shared parts computed once.
/// </summary>
public sealed class ExpressionTapeTests
{
    public static TheoryData<string> Problems => NistNonlinearTests.Problems;

    [Theory]
    [MemberData(nameof(Problems))]
    public void Bind_NistModel_EqualsTheTreeToTheBit(string name)
    {
        var problem = NistData.Load(name);
        var x = problem.XVector;
        var model = ExpressionModel.Parse(problem.Expression, problem.ParameterNames);
        var evaluator = model.Bind(x);
        var m = model.Parameters.Count;
        var values = new double[x.Length];
        var jacobian = new double[x.Length * m];
        var gradient = new double[m];
        foreach (var p in new[] { problem.Start1!, problem.Start2!, problem.Certified })
        {
            evaluator.Values(p, values);
            evaluator.Jacobian(p, jacobian);
            for (var i = 0; i < x.Length; i++)
            {
                Assert.Equal(model.Evaluate(x[i], p), values[i]);
                model.Gradient(x[i], p, gradient);
                for (var j = 0; j < m; j++)
                {
                    Assert.Equal(gradient[j], jacobian[(j * x.Length) + i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Bind_NistModel_JacobianMatchesCentralDifferences(string name)
    {
        var problem = NistData.Load(name);
        var x = problem.XVector;
        var p = problem.Certified;
        var evaluator = ExpressionModel.Parse(problem.Expression, problem.ParameterNames).Bind(x);
        var jacobian = new double[x.Length * p.Length];
        evaluator.Jacobian(p, jacobian);
        var plus = new double[x.Length];
        var minus = new double[x.Length];
        for (var j = 0; j < p.Length; j++)
        {
            var h = 1e-7 * Math.Max(Math.Abs(p[j]), 1e-3);
            var shifted = (double[])p.Clone();
            shifted[j] = p[j] + h;
            evaluator.Values(shifted, plus);
            shifted[j] = p[j] - h;
            evaluator.Values(shifted, minus);
            var column = jacobian.AsSpan(j * x.Length, x.Length);
            var scale = Math.Sqrt(column.ToArray().Sum(v => v * v) / x.Length);
            for (var i = 0; i < x.Length; i++)
            {
                var difference = (plus[i] - minus[i]) / (2 * h);
                Assert.True(Math.Abs(difference - column[i]) <= 1e-4 * scale, $"{name} ∂f/∂{problem.ParameterNames[j]} at x = {x[i]}: {column[i]} vs {difference}");
            }
        }
    }

    [Fact]
    public void Compile_RepeatedRoots_AreComputedOnce()
    {
        var (root, _) = ExpressionParser.Parse("b1*exp(-b2*x) + b3*exp(-b2*x)");
        var once = ExpressionTape.Compile([root]);
        Assert.Equal(once.Length, ExpressionTape.Compile([root, root]).Length);

        // exp(-b2*x) is one instruction (with -b2, x and the product): 3 parameters, x, -b2, b2·x… at most 11.
        Assert.True(once.Length <= 11, $"{once.Length} instructions");
    }

    [Fact]
    public void Bind_RootsThatDoNotDependOnX_FillEveryPoint()
    {
        // ∂/∂a = 1 and ∂/∂b = x: a constant root and the variable itself as a root.
        var model = ExpressionModel.Parse("a + b*x + c^2");
        var x = new[] { 0.5, 2.0, -3.0 };
        var jacobian = new double[x.Length * 3];
        var values = new double[x.Length];
        var evaluator = model.Bind(x);
        evaluator.Jacobian([1.0, 2.0, 3.0], jacobian);
        evaluator.Values([1.0, 2.0, 3.0], values);
        Assert.Equal([1, 1, 1, 0.5, 2, -3, 6, 6, 6], jacobian);
        Assert.Equal([11, 14, 4], values);
    }

    [Fact]
    public void Bind_ModelWithoutTape_EvaluatesPointByPoint()
    {
        IFitModel model = new PolynomialModel(2, withIntercept: true);
        var x = new[] { 1.0, 2.0 };
        var jacobian = new double[6];
        var values = new double[2];
        var evaluator = model.Bind(x);
        evaluator.Values([1.0, 2.0, 3.0], values);
        evaluator.Jacobian([1.0, 2.0, 3.0], jacobian);
        Assert.Equal([6, 17], values);
        Assert.Equal([1, 1, 1, 2, 1, 4], jacobian);
    }
}

namespace LabCharts.Analysis.Tests;

public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("2+3*4", 0, 14)]
    [InlineData("-x^2", 3, -9)]
    [InlineData("2^3^2", 0, 512)]
    [InlineData("2**-1", 0, 0.5)]
    [InlineData("(1+x)/[2*x]", 1, 1)]
    [InlineData(".5e1 + 1.5E-1", 0, 5.15)]
    [InlineData("exp(ln(x)) + log10(100) + lg(10) + log(e)", 2, 6)]
    [InlineData("sqrt(abs(-x)) + sin(pi/2) + cos(0) + tan(0)", 4, 4)]
    [InlineData("asin(1) + acos(1) + atan(1) + arctan(1) - pi", 0, 0)]
    [InlineData("sinh(0) + cosh(0) + tanh(0) + π", 0, 1 + Math.PI)]
    [InlineData("x * - 2", 3, -6)]
    public void Evaluate_NumbersAndFunctions_FollowPrecedence(string text, double x, double expected)
    {
        var (root, _) = ExpressionParser.Parse(text);
        Assert.Equal(expected, root.Evaluate(x, []), 12);
    }

    [Fact]
    public void Parse_Parameters_NumberedInOrderOfAppearanceOrGivenOrder()
    {
        Assert.Equal(["a", "tau", "c"], ExpressionModel.Parse("a*exp(-x/tau)+c").Parameters);
        Assert.Equal(["c", "a", "tau"], ExpressionModel.Parse("a*exp(-x/tau)+c", ["c", "a", "tau", "unused"]).Parameters);
    }

    [Theory]
    [InlineData("a*exp(-x/b)+c", 1.3)]
    [InlineData("b1 - b2*x - arctan(b3/(x-b4))/pi", 7)]
    [InlineData("b1*(b2+x)**(-1/b3)", 2)]
    [InlineData("a*sqrt(x)*log10(b*x)+sinh(a)-cosh(b)+tanh(a*b)+abs(a-b)+asin(0.1*a)+acos(0.1*b)+tan(a)", 0.7)]
    [InlineData("x^a + a^x + a^b", 1.7)]
    public void Gradient_SymbolicDerivatives_MatchCentralDifferences(string text, double x)
    {
        var model = ExpressionModel.Parse(text);
        var p = Enumerable.Range(0, model.Parameters.Count).Select(i => 1.1 + (0.37 * i)).ToArray();
        var gradient = new double[p.Length];
        model.Gradient(x, p, gradient);
        for (var j = 0; j < p.Length; j++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(p[j]));
            var plus = (double[])p.Clone();
            var minus = (double[])p.Clone();
            plus[j] += h;
            minus[j] -= h;
            var numeric = (model.Evaluate(x, plus) - model.Evaluate(x, minus)) / (2 * h);
            Assert.Equal(numeric, gradient[j], 1e-6 * Math.Max(1, Math.Abs(numeric)));
        }
    }

    [Theory]
    [InlineData("a*exp(-x/b", 6)]
    [InlineData("a*foo(x)", 3)]
    [InlineData("a**", 4)]
    [InlineData("a + $", 5)]
    [InlineData("a*x)", 4)]
    [InlineData("sin + a", 1)]
    [InlineData("", 1)]
    [InlineData("2*x", 1)]
    [InlineData("a*(x+1", 3)]
    public void Parse_MalformedExpression_ThrowsInvalidExpressionWithPosition(string text, int position)
    {
        var error = Assert.Throws<AnalysisException>(() => ExpressionModel.Parse(text));
        Assert.Equal("invalid_expression", error.Code);
        Assert.Equal("model.expression", error.Field);
        Assert.Contains($"position {position}", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains($"第 {position} 个字符", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNested_ThrowsInsteadOfOverflowingTheStack()
    {
        var text = new string('(', 5000) + "a" + new string(')', 5000);
        Assert.Equal("invalid_expression", Assert.Throws<AnalysisException>(() => ExpressionModel.Parse(text)).Code);
    }
}

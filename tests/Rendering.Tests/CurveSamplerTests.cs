using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Tests;

public sealed class CurveSamplerTests
{
    private static readonly PlotArea Plot = new(100, 50, 1000, 700, 0, 2, -1, 30);

    [Fact]
    public void Sample_StraightLine_FewPoints()
    {
        var points = CurveSampler.Sample(x => (3 * x) + 1, null, null, Plot);

        Assert.InRange(points.Count, 2, 40);
        Assert.Equal(Plot.Left, points[0].X, 6);
        Assert.Equal(Plot.Right, points[^1].X, 6);
    }

    [Fact]
    public void Sample_ResonancePeak_DenseAtPeakAndWithinAPixel()
    {
        static double F(double f) => 1 / Math.Sqrt(Math.Pow(1 - (f * f), 2) + Math.Pow(f / 25, 2));
        var points = CurveSampler.Sample(F, null, null, Plot);

        var nearPeak = points.Count(p => Math.Abs(Plot.ToData(p).X - 1) < 0.05);
        var farAway = points.Count(p => Plot.ToData(p).X is > 1.5 and < 1.6);
        Assert.True(nearPeak > 5 * Math.Max(1, farAway), $"{nearPeak} near the peak, {farAway} far away");

        // Between consecutive samples the true curve stays within a pixel of the drawn chord.
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var midX = (a.X + b.X) / 2;
            var truth = new PixelPoint(midX, Plot.PixelY(F(Plot.ToData(new PixelPoint(midX, 0)).X)));
            var length = Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
            var distance = Math.Abs(((b.X - a.X) * (a.Y - truth.Y)) - ((a.X - truth.X) * (b.Y - a.Y))) / length;
            Assert.True(distance < 1, $"at x = {midX}: {distance:F2} px off the chord");
        }
    }

    [Fact]
    public void Sample_UndefinedPart_LeavesGap()
    {
        var points = CurveSampler.Sample(x => Math.Log(x - 1), null, null, Plot);

        Assert.Contains(points, p => double.IsNaN(p.Y));
        Assert.Contains(points, p => double.IsFinite(p.Y));
    }

    [Fact]
    public void Sample_LogX_EvenInPixels()
    {
        var log = new PlotArea(0, 0, 1000, 500, 1, 1000, 0, 10) { XScale = AxisScale.Log };
        var points = CurveSampler.Sample(Math.Log10, null, null, log);

        // log10 x is a straight line on a log x axis: the coarse pass alone suffices.
        Assert.InRange(points.Count, 2, 40);
        Assert.Equal(500 - (3 * 50), points[^1].Y, 6);
    }
}

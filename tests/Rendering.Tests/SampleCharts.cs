namespace LabCharts.Rendering.Tests;

/// <summary>Charts used by several tests.</summary>
public static class SampleCharts
{
    public static readonly ChartPoint[] PendulumPoints =
    [
        new(0.50, 2.0166, 0.0003, 0.012),
        new(0.60, 2.4149, 0.0003, 0.013),
        new(0.70, 2.8169, 0.0003, 0.014),
        new(0.80, 3.2220, 0.0003, 0.015),
        new(0.90, 3.6252, 0.0003, 0.016),
    ];

    public static double PendulumFit(double l) => (4.0306 * l) + 0.0019;

    public static Chart Pendulum() => new()
    {
        Title = "单摆测重力加速度",
        X = new Axis { Label = "摆长 <i>L</i> / m" },
        Y = new Axis { Label = "<i>T</i><sup>2</sup> / s<sup>2</sup>" },
        Series =
        [
            new ScatterSeries { Label = "测量值", Points = PendulumPoints },
            new FunctionSeries { Label = "拟合直线 <i>T</i><sup>2</sup> = <i>kL</i> + <i>c</i>", Function = PendulumFit },
        ],
        Annotations =
        [
            "<i>T</i><sup>2</sup> = 4.031 <i>L</i> + 0.002",
            "<i>R</i><sup>2</sup> = 0.99998",
            "<i>g</i> = (9.79 ± 0.01) m/s<sup>2</sup>",
        ],
    };

    /// <summary>The worker's chart: points, fit, 95 % band, annotations, and a residual panel under it.</summary>
    public static Chart PendulumWithResiduals() => Pendulum() with
    {
        Series =
        [
            new BandSeries { Label = "95% 置信带", Lower = l => PendulumFit(l) - 0.03 - (0.05 * Math.Abs(l - 0.7)), Upper = l => PendulumFit(l) + 0.03 + (0.05 * Math.Abs(l - 0.7)) },
            new ScatterSeries { Label = "测量值", Points = PendulumPoints },
            new FunctionSeries { Label = "拟合直线", Function = PendulumFit },
        ],
        Panels =
        [
            new Panel
            {
                Y = new Axis { Label = "残差 / s<sup>2</sup>" },
                Series = [new ReferenceLine { Value = 0 }, new ScatterSeries { Points = [.. ResidualPoints] }],
            },
        ],
    };

    public static IEnumerable<ChartPoint> ResidualPoints => PendulumPoints.Select(p => new ChartPoint(p.X, p.Y - PendulumFit(p.X), 0, p.YError));
}

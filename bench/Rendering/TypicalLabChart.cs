using System.Globalization;
using System.Text.Json;

namespace LabCharts.Rendering.Bench;

/// <summary>
/// The "typical lab chart": 30 pendulum points with x and y error bars, a weighted straight-line
/// fit with its 95 % confidence band, legend, Chinese title and axis labels with superscripts, the fit
/// annotations, and a residual panel. The same numbers go to the matplotlib script as JSON.
/// </summary>
public sealed record TypicalLabChart(double[] X, double[] Y, double[] XError, double[] YError, double Slope, double Intercept, double[][] Covariance)
{
    public const string Title = "单摆周期平方与摆长的关系（测重力加速度 g）";
    public const string XLabel = "摆长 <i>L</i> / m";
    public const string YLabel = "<i>T</i><sup>2</sup> / s<sup>2</sup>";
    public const string ResidualLabel = "残差 / s<sup>2</sup>";

    /// <summary>Deterministic "measurements": T² = 4π²L/g with g = 9.794 m/s², plus fixed pseudo-noise.</summary>
    public static TypicalLabChart Create()
    {
        const int n = 30;
        var x = new double[n];
        var y = new double[n];
        var xError = new double[n];
        var yError = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = 0.30 + (0.03 * i);
            var noise = (0.018 * Math.Sin((i * 2.39) + 0.7)) + (0.008 * Math.Cos(i * 5.1));
            y[i] = (4 * Math.PI * Math.PI * x[i] / 9.794) + 0.004 + noise;
            xError[i] = 0.004;
            yError[i] = 0.018 + (0.012 * x[i]);
        }

        // Weighted least squares y = a + b x (weights 1/σy²): parameters and their covariance.
        double s = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var w = 1 / (yError[i] * yError[i]);
            (s, sx, sy, sxx, sxy) = (s + w, sx + (w * x[i]), sy + (w * y[i]), sxx + (w * x[i] * x[i]), sxy + (w * x[i] * y[i]));
        }

        var delta = (s * sxx) - (sx * sx);
        var intercept = ((sxx * sy) - (sx * sxy)) / delta;
        var slope = ((s * sxy) - (sx * sy)) / delta;
        double[][] covariance = [[sxx / delta, -sx / delta], [-sx / delta, s / delta]];
        return new TypicalLabChart(x, y, xError, yError, slope, intercept, covariance);
    }

    public double Fit(double x) => Intercept + (Slope * x);

    /// <summary>Half-width of the 95 % confidence band of the fitted line at x.</summary>
    public double BandHalfWidth(double x) =>
        1.96 * Math.Sqrt(Covariance[0][0] + (2 * x * Covariance[0][1]) + (x * x * Covariance[1][1]));

    public double G => 4 * Math.PI * Math.PI / Slope;

    public double GError => G * Math.Sqrt(Covariance[1][1]) / Slope;

    public string[] Annotations =>
    [
        string.Create(CultureInfo.InvariantCulture, $"<i>T</i><sup>2</sup> = {Slope:F3} <i>L</i> + {Intercept:F3}"),
        string.Create(CultureInfo.InvariantCulture, $"<i>g</i> = 4π<sup>2</sup>/<i>k</i> = ({G:F2} ± {GError:F2}) m/s<sup>2</sup>"),
    ];

    public Chart ToChart() => new()
    {
        Title = Title,
        X = new Axis { Label = XLabel },
        Y = new Axis { Label = YLabel },
        Series =
        [
            new BandSeries { Label = "95% 置信带", Lower = x => Fit(x) - BandHalfWidth(x), Upper = x => Fit(x) + BandHalfWidth(x) },
            new ScatterSeries { Label = "测量值", Points = [.. Enumerable.Range(0, X.Length).Select(i => new ChartPoint(X[i], Y[i], XError[i], YError[i]))] },
            new FunctionSeries { Label = "拟合直线", Function = Fit },
        ],
        Annotations = Annotations,
        Panels =
        [
            new Panel
            {
                Y = new Axis { Label = ResidualLabel },
                Series =
                [
                    new ReferenceLine { Value = 0 },
                    new ScatterSeries { Points = [.. Enumerable.Range(0, X.Length).Select(i => new ChartPoint(X[i], Y[i] - Fit(X[i]), 0, YError[i]))] },
                ],
            },
        ],
    };

    public string ToJson() => JsonSerializer.Serialize(new
    {
        title = Title,
        x = X,
        y = Y,
        xError = XError,
        yError = YError,
        slope = Slope,
        intercept = Intercept,
        covariance = Covariance,
        annotations = new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"$T^2$ = {Slope:F3} $L$ + {Intercept:F3}"),
            string.Create(CultureInfo.InvariantCulture, $"$g$ = 4π$^2$/$k$ = ({G:F2} ± {GError:F2}) m/s$^2$"),
        },
    });
}

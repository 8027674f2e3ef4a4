namespace LabCharts.Rendering.Bench;

/// <summary>The gallery's charts: one per chart kind, and the main ones again in the black-and-white theme.</summary>
internal static class GalleryCharts
{
    public sealed record Entry(string Name, string Description, Chart Chart, RenderOptions Options);

    public static IEnumerable<Entry> All()
    {
        var typical = TypicalLabChart.Create().ToChart();
        var bw = new RenderOptions { Theme = ChartTheme.BlackAndWhite };
        yield return new("typical", "The benchmark's typical lab chart: error bars, fit, 95 % band, legend, annotations, residual panel", typical, new RenderOptions());
        yield return new("typical-bw", "The same in the black-and-white report theme", typical, bw);
        yield return new("typical-600x400", "The typical chart at the smallest size, 600×400", typical, new RenderOptions { Width = 600, Height = 400 });
        yield return new("typical-3000x2000", "The typical chart at the largest size, 3000×2000", typical, new RenderOptions { Width = 3000, Height = 2000 });
        yield return new("typical-phone-scale2", "Phone screen: 390×300 at scale 2", typical, new RenderOptions { Width = 390, Height = 300, Scale = 2 });
        yield return new("typical", "Vector output: SVG", typical, new RenderOptions { Format = ChartFormat.Svg });
        yield return new("typical", "Vector output: PDF", typical, new RenderOptions { Format = ChartFormat.Pdf });
        yield return new("long-title", "A long Chinese title wraps, then shrinks; a subtitle under it", LongTitle(), new RenderOptions());
        yield return new("long-title-600x400", "The long title at 600×400", LongTitle(), new RenderOptions { Width = 600, Height = 400 });
        yield return new("photoelectric", "Photoelectric effect: the power of ten moves into the axis label (ν / 10¹⁴ Hz)", Photoelectric(), new RenderOptions());
        yield return new("millivolts", "Small numbers: U / 10⁻³ V; reference lines (vertical and horizontal)", Millivolts(), new RenderOptions());
        yield return new("franck-hertz", "Franck–Hertz curve: polyline with marked, labelled peaks", FranckHertz(), new RenderOptions());
        yield return new("franck-hertz-bw", "Franck–Hertz in black and white", FranckHertz(), bw);
        yield return new("rc-semilog", "RC discharge on a logarithmic y axis: exponential becomes a straight line", RcSemilog(), new RenderOptions());
        yield return new("log-log", "Power law on log–log axes with a dashed fit", LogLog(), new RenderOptions());
        yield return new("markers", "Several series: marker shapes, dash patterns, legend placed where it covers least", Markers(ChartTheme.Default), new RenderOptions());
        yield return new("markers-bw", "Several series in black and white: told apart by marker and dash", Markers(ChartTheme.BlackAndWhite), bw);
        yield return new("resonance", "Adaptive sampling: a sharp resonance peak is smooth, straight parts take few points", Resonance(), new RenderOptions());
    }

    private static Chart LongTitle() => TypicalLabChart.Create().ToChart() with
    {
        Title = "大学物理实验报告：用单摆测量当地重力加速度，并讨论摆角大小、摆线质量、空气阻力以及计时误差对测量结果的影响（第三组，周三下午）",
        Subtitle = "数据：2024 年秋季学期 · 物理实验中心 203 室",
    };

    private static Chart Photoelectric()
    {
        double[] nu = [5.19e14, 5.49e14, 6.88e14, 7.41e14, 8.22e14];
        double[] u = [-0.35, -0.48, -1.05, -1.27, -1.60];
        return new Chart
        {
            Title = "光电效应测普朗克常量",
            Subtitle = "截止电压与入射光频率",
            X = new Axis { Label = "频率 <i>ν</i> / Hz" },
            Y = new Axis { Label = "截止电压 <i>U</i><sub>a</sub> / V" },
            Series =
            [
                new BandSeries { Label = "95% 置信带", Lower = v => (-4.12e-15 * v) + 1.79 - (0.03 + (Math.Abs(v - 6.7e14) * 1.5e-16)), Upper = v => (-4.12e-15 * v) + 1.79 + (0.03 + (Math.Abs(v - 6.7e14) * 1.5e-16)) },
                new ScatterSeries { Label = "测量值", Points = [.. nu.Zip(u, (x, y) => new ChartPoint(x, y, 0.04e14, 0.03))] },
                new FunctionSeries { Label = "拟合直线", Function = v => (-4.12e-15 * v) + 1.79 },
            ],
            Annotations = ["<i>U</i><sub>a</sub> = −<i>hν</i>/<i>e</i> + <i>W</i>/<i>e</i>", "<i>h</i> = (6.60 ± 0.15) × 10<sup>−34</sup> J·s", "<i>R</i><sup>2</sup> = 0.9991"],
        };
    }

    private static Chart Millivolts() => new()
    {
        Title = "热电偶温差电动势",
        X = new Axis { Label = "温差 Δ<i>T</i> / K" },
        Y = new Axis { Label = "电动势 <i>E</i> / V" },
        Series =
        [
            new ReferenceLine { Label = "量程上限", Value = 0.0042, Color = new RgbColor(204, 121, 167) },
            new ReferenceLine { Label = "冰点参考", Value = 0, Vertical = true },
            new ScatterSeries { Label = "测量值", Points = [.. Enumerable.Range(0, 12).Select(i => new ChartPoint(i * 10, (4.1e-5 * i * 10) + (2e-5 * Math.Sin(i)), 0.5, 6e-5))] },
            new FunctionSeries { Label = "<i>E</i> = <i>α</i>Δ<i>T</i>", Function = t => 4.1e-5 * t },
        ],
        Annotations = ["<i>α</i> = (41.0 ± 0.3) μV/K"],
    };

    private static Chart FranckHertz()
    {
        static double Current(double u) => (2 + (0.9 * u) + (14 * Math.Pow(Math.Sin(Math.PI * (u - 1.2) / 4.9), 2) * (1 + (u / 30)))) * (u > 1 ? 1 : u);
        var points = Enumerable.Range(0, 321).Select(i => new ChartPoint(i * 0.25, Current(i * 0.25))).ToArray();
        var peaks = new List<MarkedPoint>();
        for (var i = 1; i < points.Length - 1; i++)
        {
            if (points[i].Y > points[i - 1].Y && points[i].Y >= points[i + 1].Y && points[i].X > 3)
            {
                peaks.Add(new MarkedPoint(points[i].X, points[i].Y, $"峰 {peaks.Count + 1}: {points[i].X:F2} V"));
            }
        }

        return new Chart
        {
            Title = "弗兰克-赫兹实验 <i>I</i><sub>A</sub>–<i>U</i><sub>G2K</sub> 曲线",
            X = new Axis { Label = "加速电压 <i>U</i><sub>G2K</sub> / V" },
            Y = new Axis { Label = "板极电流 <i>I</i><sub>A</sub> / nA" },
            Series =
            [
                new LineSeries { Label = "<i>I</i><sub>A</sub>", Points = points },
                new MarkedPointSeries { Label = "峰值", Points = peaks, Color = new RgbColor(213, 94, 0) },
            ],
            Annotations = ["第一激发电位 <i>U</i><sub>0</sub> = (4.90 ± 0.05) V"],
        };
    }

    private static Chart RcSemilog() => new()
    {
        Title = "RC 电路放电（半对数坐标）",
        X = new Axis { Label = "时间 <i>t</i> / s" },
        Y = new Axis { Label = "电压 <i>U</i> / V", Scale = AxisScale.Log },
        Series =
        [
            new ScatterSeries { Label = "测量值", Points = [.. Enumerable.Range(0, 16).Select(i => new ChartPoint(i * 0.5, 5 * Math.Exp(-i * 0.5 / 1.5) * (1 + (0.03 * Math.Sin(i * 3))), 0, 5 * Math.Exp(-i * 0.5 / 1.5) * 0.05))] },
            new FunctionSeries { Label = "<i>U</i> = <i>U</i><sub>0</sub> e<sup>−<i>t</i>/<i>τ</i></sup>", Function = t => 5 * Math.Exp(-t / 1.5) },
        ],
        Annotations = ["<i>τ</i> = <i>RC</i> = (1.50 ± 0.02) s"],
    };

    private static Chart LogLog() => new()
    {
        Title = "黑体辐射：斯特藩–玻尔兹曼定律",
        X = new Axis { Label = "温度 <i>T</i> / K", Scale = AxisScale.Log },
        Y = new Axis { Label = "辐射功率 <i>P</i> / W", Scale = AxisScale.Log },
        Series =
        [
            new ScatterSeries { Label = "测量值", Points = [.. Enumerable.Range(0, 10).Select(i => 300 * Math.Pow(1.35, i)).Select(t => new ChartPoint(t, 2.1e-9 * Math.Pow(t, 4) * (1 + (0.05 * Math.Sin(t))), 0, 2.1e-9 * Math.Pow(t, 4) * 0.08))] },
            new FunctionSeries { Label = "<i>P</i> ∝ <i>T</i><sup>4</sup>", Function = t => 2.1e-9 * Math.Pow(t, 4), Dash = LineDash.Dashed },
        ],
        Annotations = ["斜率 <i>n</i> = 4.02 ± 0.05"],
    };

    private static Chart Markers(ChartTheme theme)
    {
        (string Label, double K)[] springs = [("弹簧 A", 9.8), ("弹簧 B", 14.7), ("弹簧 C", 24.5), ("弹簧 D", 39.2)];
        var series = new List<Series>();
        foreach (var (label, k) in springs)
        {
            series.Add(new ScatterSeries { Label = label, Points = [.. Enumerable.Range(1, 8).Select(i => new ChartPoint(i * 0.05, (i * 0.05 * 9.8 / k) + (0.002 * Math.Sin(i * k)), 0, 0.003))] });
        }

        // Each fit in its points' colour (the theme's colour for that slot); dashes tell them apart in print.
        foreach (var (i, (_, k)) in springs.Index())
        {
            series.Add(new FunctionSeries { Function = m => m * 9.8 / k, Color = theme.Palette[i % theme.Palette.Count] });
        }

        return new Chart
        {
            Title = "胡克定律：四根弹簧的伸长量",
            X = new Axis { Label = "砝码质量 <i>m</i> / kg" },
            Y = new Axis { Label = "伸长量 Δ<i>x</i> / m" },
            Series = series,
        };
    }

    private static Chart Resonance() => new()
    {
        Title = "受迫振动的幅频特性",
        X = new Axis { Label = "驱动频率 <i>f</i> / Hz" },
        Y = new Axis { Label = "振幅 <i>A</i> / mm" },
        Series =
        [
            new ScatterSeries { Label = "测量值", Points = [.. Enumerable.Range(0, 25).Select(i => 0.2 + (i * 0.075)).Select(f => new ChartPoint(f, Amplitude(f) * (1 + (0.03 * Math.Sin(f * 40))), 0.005, (Amplitude(f) * 0.04) + 0.05))] },
            new FunctionSeries { Label = "理论曲线 <i>Q</i> = 25", Function = Amplitude },
        ],
        Annotations = ["<i>f</i><sub>0</sub> = 1.000 Hz", "<i>Q</i> = <i>f</i><sub>0</sub>/Δ<i>f</i> = 25 ± 2"],
    };

    private static double Amplitude(double f) => 1.0 / Math.Sqrt(Math.Pow(1 - (f * f), 2) + Math.Pow(f / 25, 2));
}

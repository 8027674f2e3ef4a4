using LabCharts.Rendering.Composition;
using LabCharts.Rendering.Interop;
using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Layout;

/// <summary>
/// Where everything goes, from measured text: title block, the stacked panel frames (sharing x),
/// ticks and their labels, axis labels. Tick labels depend on the frame size and the frame on their
/// sizes, so the layout is repeated until it settles (two or three rounds).
/// </summary>
internal sealed class ChartLayout
{
    private const int MaxRounds = 6;

    private ChartLayout(TitleBlock titles, IReadOnlyList<PanelLayout> panels, AxisTicks xTicks, IReadOnlyList<TextBlock> xTickLabels, TextBlock? xLabel)
    {
        Titles = titles;
        Panels = panels;
        XTicks = xTicks;
        XTickLabels = xTickLabels;
        XLabel = xLabel;
    }

    public TitleBlock Titles { get; }

    /// <summary>The main panel first, then those under it.</summary>
    public IReadOnlyList<PanelLayout> Panels { get; }

    public PanelLayout Main => Panels[0];

    public AxisTicks XTicks { get; }

    /// <summary>Labels of <see cref="XTicks"/>, drawn under the last panel only.</summary>
    public IReadOnlyList<TextBlock> XTickLabels { get; }

    public TextBlock? XLabel { get; }

    public bool XMinorTicks { get; private init; }

    public static ChartLayout Compute(RenderContext context, Chart chart)
    {
        var style = context.Style;
        var (width, height) = (context.Width, context.Height);
        var pad = style.Padding;
        var titles = TitleBlock.Compute(context, chart);
        var top = titles.Bottom;

        var definitions = new List<(Axis Y, IReadOnlyList<Series> Series, double Weight)> { (chart.Y, chart.Series, 1) };
        definitions.AddRange(chart.Panels.Select(p => (p.Y, p.Series, Math.Clamp(double.IsFinite(p.RelativeHeight) ? p.RelativeHeight : 0.35, 0.1, 1))));
        var plottables = definitions.Select(d => (IReadOnlyList<IPlottable>)[.. d.Series.Select(s => s.ToPlottable())]).ToArray();
        var all = plottables.SelectMany(p => p).ToArray();

        var (xMin, xMax) = DataRange.ForX(all, chart.X);
        var yRanges = definitions.Select((d, i) => DataRange.ForY(all, chart.X, plottables[i], d.Y, xMin, xMax)).ToArray();
        var looks = plottables.Select(p => SeriesLook.For(p, style.Theme)).ToArray();

        // First guess, refined from the measured labels.
        var (left, right, plotTop, bottom) = (pad + (80 * style.Unit), width - pad - (20 * style.Unit), top, height - pad - (80 * style.Unit));
        AxisTicks xTicks = null!;
        List<TextBlock> xTickLabels = [];
        TextBlock? xLabel = null;
        var panels = new PanelLayout[definitions.Count];
        for (var round = 0; round < MaxRounds; round++)
        {
            var frames = Split(plotTop, Math.Max(plotTop + 10, bottom), definitions.Select(d => d.Weight).ToArray(), style.PanelGap);
            var plotWidth = Math.Max(10, right - left);
            (xTicks, xTickLabels) = TickLabelFitter.Fit(context, chart.X.Scale, xMin, xMax, plotWidth, style.XTickSpacing, horizontal: true);
            xLabel = Label(context, AxisLabelMarkup.WithPowerOfTen(chart.X.Label, xTicks.Exponent), plotWidth);

            for (var i = 0; i < definitions.Count; i++)
            {
                var (frameTop, frameHeight) = frames[i];
                var (yMin, yMax) = yRanges[i];
                var (yTicks, yTickLabels) = TickLabelFitter.Fit(context, definitions[i].Y.Scale, yMin, yMax, frameHeight, style.YTickSpacing, horizontal: false);
                (yTicks, yTickLabels) = KeepClearOfNeighbours(yTicks, yTickLabels, definitions[i].Y.Scale, yMin, yMax, frameHeight, style.PanelGap, i > 0, i < definitions.Count - 1);
                var yLabel = Label(context, AxisLabelMarkup.WithPowerOfTen(definitions[i].Y.Label, yTicks.Exponent), frameHeight);
                var plot = new PlotArea(left, frameTop, plotWidth, frameHeight, xMin, xMax, yMin, yMax) { XScale = chart.X.Scale, YScale = definitions[i].Y.Scale };
                panels[i] = new PanelLayout(plot, definitions[i].Y, definitions[i].Series, plottables[i], looks[i], yTicks, yTickLabels, yLabel) { IsMain = i == 0 };
            }

            var yLabelWidth = panels.Max(p => p.YLabel is null ? 0 : p.YLabel.Height + style.LabelGap);
            var yTickWidth = panels.SelectMany(p => p.YTickLabels).Select(b => b.Width).DefaultIfEmpty(0).Max();
            var xTickHeight = xTickLabels.Count == 0 ? style.TickLabelSize : xTickLabels.Max(b => b.Height);
            var topTickHalf = panels[0].YTickLabels.Count == 0 ? 0 : panels[0].YTickLabels.Max(b => b.Height) / 2;
            var lastXLabel = xTickLabels.Count == 0 ? 0 : xTickLabels[^1].Width / 2;

            var newLeft = pad + yLabelWidth + yTickWidth + style.TickGap + style.TickLength;
            var newBottom = height - pad - (xLabel is null ? 0 : xLabel.Height + style.LabelGap) - xTickHeight - style.TickGap - style.TickLength;
            var newTop = top + topTickHalf;
            var newRight = width - Math.Max(pad * 2, lastXLabel + pad);
            var settled = Math.Abs(newLeft - left) < 0.5 && Math.Abs(newRight - right) < 0.5 && Math.Abs(newBottom - bottom) < 0.5 && Math.Abs(newTop - plotTop) < 0.5;
            (left, right, plotTop, bottom) = (newLeft, newRight, newTop, newBottom);
            if (settled)
            {
                break;
            }
        }

        return new ChartLayout(titles, panels, xTicks, xTickLabels, xLabel) { XMinorTicks = chart.X.MinorTicks };
    }

    /// <summary>Frames stacked top to bottom in proportion to their weights, separated by <paramref name="gap"/>.</summary>
    private static (double Top, double Height)[] Split(double top, double bottom, double[] weights, double gap)
    {
        var available = Math.Max(10 * weights.Length, bottom - top - (gap * (weights.Length - 1)));
        var total = weights.Sum();
        var frames = new (double, double)[weights.Length];
        var y = top;
        for (var i = 0; i < weights.Length; i++)
        {
            var h = available * weights[i] / total;
            frames[i] = (y, h);
            y += h + gap;
        }

        return frames;
    }

    /// <summary>Between stacked panels a tick label may not reach into the neighbour's: such ticks are dropped.</summary>
    private static (AxisTicks, List<TextBlock>) KeepClearOfNeighbours(
        AxisTicks ticks, List<TextBlock> labels, AxisScale scale, double min, double max, double length, double gap, bool panelAbove, bool panelBelow)
    {
        if (!panelAbove && !panelBelow)
        {
            return (ticks, labels);
        }

        var keep = Enumerable.Range(0, labels.Count).Where(i =>
        {
            var position = TickLabelFitter.Position(ticks.Ticks[i].Value, scale, min, max, length);
            var half = labels[i].Height / 2;
            return !(panelBelow && position - half < -(gap / 2) + 1) && !(panelAbove && position + half > length + (gap / 2) - 1);
        }).ToArray();
        return (ticks with { Ticks = [.. keep.Select(i => ticks.Ticks[i])] }, [.. keep.Select(i => labels[i])]);
    }

    /// <summary>An axis label, shrunk (to no less than 60 %) when it is longer than its axis.</summary>
    private static TextBlock? Label(RenderContext context, string markup, double axisLength)
    {
        if (string.IsNullOrWhiteSpace(markup))
        {
            return null;
        }

        var size = context.Style.AxisLabelSize;
        var block = context.Text(markup, new TextStyle(size));
        for (var factor = 0.9; block.Width > axisLength && factor >= 0.6; factor -= 0.1)
        {
            block = context.Text(markup, new TextStyle(size * factor));
        }

        return block;
    }
}

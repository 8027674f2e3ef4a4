using LabCharts.Rendering.Layout;

namespace LabCharts.Rendering.Composition;

/// <summary>Draws what frames the data: grid, frames with major and minor ticks, tick labels, axis labels, title.</summary>
internal static class AxesPainter
{
    public static void DrawGrid(RenderContext context, ChartLayout layout, PanelLayout panel)
    {
        var (canvas, style, plot) = (context.Canvas, context.Style, panel.Plot);
        canvas.SetColor(style.GridColor);
        canvas.SetLineWidth(style.GridWidth);
        foreach (var tick in layout.XTicks.Ticks)
        {
            var x = ChartStyle.Snap(plot.PixelX(tick.Value), style.GridWidth);
            canvas.MoveTo(x, plot.Top);
            canvas.LineTo(x, plot.Bottom);
        }

        foreach (var tick in panel.YTicks.Ticks)
        {
            var y = ChartStyle.Snap(plot.PixelY(tick.Value), style.GridWidth);
            canvas.MoveTo(plot.Left, y);
            canvas.LineTo(plot.Right, y);
        }

        canvas.Stroke();
    }

    public static void DrawFrame(RenderContext context, ChartLayout layout, PanelLayout panel)
    {
        var (canvas, style, plot) = (context.Canvas, context.Style, panel.Plot);
        var w = style.FrameWidth;
        canvas.SetColor(style.FrameColor);
        canvas.SetLineWidth(w);
        var (left, top) = (ChartStyle.Snap(plot.Left, w), ChartStyle.Snap(plot.Top, w));
        var (right, bottom) = (ChartStyle.Snap(plot.Right, w), ChartStyle.Snap(plot.Bottom, w));
        canvas.Rectangle(left, top, right - left, bottom - top);

        // Ticks point outwards on the bottom and left edges, as in matplotlib's default style.
        XTicks(context, layout.XTicks.Ticks.Select(t => t.Value), plot, bottom, style.TickLength, w);
        YTicks(context, panel.YTicks.Ticks.Select(t => t.Value), plot, left, style.TickLength, w);
        if (layout.XMinorTicks)
        {
            XTicks(context, layout.XTicks.Minor, plot, bottom, style.MinorTickLength, w);
        }

        if (panel.Y.MinorTicks)
        {
            YTicks(context, panel.YTicks.Minor, plot, left, style.MinorTickLength, w);
        }

        canvas.Stroke();
    }

    public static void DrawLabels(RenderContext context, ChartLayout layout)
    {
        var style = context.Style;
        var bottomPlot = layout.Panels[^1].Plot;
        var labelTop = bottomPlot.Bottom + style.TickLength + style.TickGap;
        for (var i = 0; i < layout.XTickLabels.Count; i++)
        {
            var block = layout.XTickLabels[i];
            var x = bottomPlot.PixelX(layout.XTicks.Ticks[i].Value);
            context.Draw(block, x - (block.Width / 2), labelTop, style.Ink);
        }

        foreach (var panel in layout.Panels)
        {
            var plot = panel.Plot;
            var labelRight = plot.Left - style.TickLength - style.TickGap;
            for (var i = 0; i < panel.YTickLabels.Count; i++)
            {
                var block = panel.YTickLabels[i];
                var y = plot.PixelY(panel.YTicks.Ticks[i].Value);
                context.Draw(block, labelRight - block.Width, y - (block.Height / 2), style.Ink);
            }

            if (panel.YLabel is { } yLabel)
            {
                context.DrawRotated(yLabel, style.Padding, plot.Top + ((plot.Height - yLabel.Width) / 2), style.Ink);
            }
        }

        var xTickHeight = layout.XTickLabels.Count == 0 ? style.TickLabelSize : layout.XTickLabels.Max(b => b.Height);
        if (layout.XLabel is { } xLabel)
        {
            context.Draw(xLabel, bottomPlot.Left + ((bottomPlot.Width - xLabel.Width) / 2), labelTop + xTickHeight + style.LabelGap, style.Ink);
        }

        var mainPlot = layout.Main.Plot;
        if (layout.Titles.Title is { } title)
        {
            context.Draw(title, CentreOverPlot(context, mainPlot, title.Width), layout.Titles.TitleTop, style.Ink);
        }

        if (layout.Titles.Subtitle is { } subtitle)
        {
            context.Draw(subtitle, CentreOverPlot(context, mainPlot, subtitle.Width), layout.Titles.SubtitleTop, style.SubtleInk);
        }
    }

    private static void XTicks(RenderContext context, IEnumerable<double> values, PlotArea plot, double bottom, double length, double w)
    {
        foreach (var value in values)
        {
            var x = ChartStyle.Snap(plot.PixelX(value), w);
            context.Canvas.MoveTo(x, bottom);
            context.Canvas.LineTo(x, bottom + length);
        }
    }

    private static void YTicks(RenderContext context, IEnumerable<double> values, PlotArea plot, double left, double length, double w)
    {
        foreach (var value in values)
        {
            var y = ChartStyle.Snap(plot.PixelY(value), w);
            context.Canvas.MoveTo(left, y);
            context.Canvas.LineTo(left - length, y);
        }
    }

    /// <summary>Centred over the plot frame as matplotlib does, shifted as little as needed to stay inside the margins.</summary>
    private static double CentreOverPlot(RenderContext context, PlotArea plot, double width)
    {
        var pad = context.Style.Padding;
        var x = plot.Left + ((plot.Width - width) / 2);
        return Math.Max(Math.Min(x, context.Width - pad - width), Math.Min(pad, (context.Width - width) / 2));
    }
}

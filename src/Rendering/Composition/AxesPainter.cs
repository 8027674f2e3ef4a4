namespace LabCharts.Rendering.Composition;

/// <summary>Draws what frames the data: grid, frame, ticks, tick labels, axis labels, title.</summary>
internal static class AxesPainter
{
    public static void DrawGrid(RenderContext context, ChartLayout layout)
    {
        var (canvas, style, plot) = (context.Canvas, context.Style, layout.Plot);
        canvas.SetColor(ChartStyle.GridColor);
        canvas.SetLineWidth(style.GridWidth);
        foreach (var tick in layout.XTicks.Ticks)
        {
            var x = ChartStyle.Snap(plot.ToPixel(tick.Value, plot.YMin).X, style.GridWidth);
            canvas.MoveTo(x, plot.Top);
            canvas.LineTo(x, plot.Bottom);
        }

        foreach (var tick in layout.YTicks.Ticks)
        {
            var y = ChartStyle.Snap(plot.ToPixel(plot.XMin, tick.Value).Y, style.GridWidth);
            canvas.MoveTo(plot.Left, y);
            canvas.LineTo(plot.Right, y);
        }

        canvas.Stroke();
    }

    public static void DrawFrame(RenderContext context, ChartLayout layout)
    {
        var (canvas, style, plot) = (context.Canvas, context.Style, layout.Plot);
        var w = style.FrameWidth;
        canvas.SetColor(ChartStyle.FrameColor);
        canvas.SetLineWidth(w);
        var (left, top) = (ChartStyle.Snap(plot.Left, w), ChartStyle.Snap(plot.Top, w));
        var (right, bottom) = (ChartStyle.Snap(plot.Right, w), ChartStyle.Snap(plot.Bottom, w));
        canvas.Rectangle(left, top, right - left, bottom - top);
        foreach (var tick in layout.XTicks.Ticks)
        {
            var x = ChartStyle.Snap(plot.ToPixel(tick.Value, plot.YMin).X, w);
            canvas.MoveTo(x, bottom);
            canvas.LineTo(x, bottom + style.TickLength);
        }

        foreach (var tick in layout.YTicks.Ticks)
        {
            var y = ChartStyle.Snap(plot.ToPixel(plot.XMin, tick.Value).Y, w);
            canvas.MoveTo(left, y);
            canvas.LineTo(left - style.TickLength, y);
        }

        canvas.Stroke();
    }

    public static void DrawLabels(RenderContext context, ChartLayout layout)
    {
        var (style, plot) = (context.Style, layout.Plot);
        var labelTop = plot.Bottom + style.TickLength + style.TickGap;
        for (var i = 0; i < layout.XTickLabels.Count; i++)
        {
            var block = layout.XTickLabels[i];
            var x = plot.ToPixel(layout.XTicks.Ticks[i].Value, plot.YMin).X;
            context.Draw(block, x - (block.Width / 2), labelTop, ChartStyle.Ink);
        }

        var labelRight = plot.Left - style.TickLength - style.TickGap;
        for (var i = 0; i < layout.YTickLabels.Count; i++)
        {
            var block = layout.YTickLabels[i];
            var y = plot.ToPixel(plot.XMin, layout.YTicks.Ticks[i].Value).Y;
            context.Draw(block, labelRight - block.Width, y - (block.Height / 2), ChartStyle.Ink);
        }

        var xTickHeight = layout.XTickLabels.Count == 0 ? 0 : layout.XTickLabels.Max(b => b.Height);
        var axisLabelTop = labelTop + xTickHeight + style.LabelGap;
        if (layout.XLabel is { } xLabel)
        {
            context.Draw(xLabel, plot.Left + ((plot.Width - xLabel.Width) / 2), axisLabelTop, ChartStyle.Ink);
        }

        if (layout.XOffset is { } xOffset)
        {
            context.Draw(xOffset, plot.Right - xOffset.Width, axisLabelTop, ChartStyle.Ink);
        }

        if (layout.YLabel is { } yLabel)
        {
            context.DrawRotated(yLabel, style.Padding, plot.Top + ((plot.Height - yLabel.Width) / 2), ChartStyle.Ink);
        }

        if (layout.YOffset is { } yOffset)
        {
            context.Draw(yOffset, plot.Left, plot.Top - yOffset.Height - (4 * style.Unit), ChartStyle.Ink);
        }

        if (layout.Title is { } title)
        {
            context.Draw(title, CentreOverPlot(context, plot, title.Width), layout.TitleTop, ChartStyle.Ink);
        }

        if (layout.Subtitle is { } subtitle)
        {
            context.Draw(subtitle, CentreOverPlot(context, plot, subtitle.Width), layout.SubtitleTop, ChartStyle.SubtleInk);
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

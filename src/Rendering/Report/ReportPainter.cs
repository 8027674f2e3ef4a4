using LabCharts.Rendering.Composition;
using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>What drawing a report produced besides the file.</summary>
internal sealed record ReportDrawing(int Pages, IReadOnlyList<ReportBox> Boxes, int UnknownGlyphs);

/// <summary>Lays a report out, then draws it page by page onto a PDF canvas: rules, charts, texts, then the next page.</summary>
internal static class ReportPainter
{
    public static ReportDrawing Paint(CairoCanvas canvas, TextShaper shaper, ReportDocument document)
    {
        shaper.Attach(canvas);
        using var texts = new ReportTexts(shaper);
        var pages = ReportLayout.Lay(document, texts);
        var boxes = new List<ReportBox>();
        var unknownGlyphs = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            canvas.SetColor(ReportStyle.RuleColor);
            foreach (var rule in page.Rules)
            {
                canvas.Rectangle(rule.X, rule.Y, rule.Width, rule.Thickness);
            }

            canvas.Fill();
            foreach (var chart in page.Charts)
            {
                var drawn = DrawChart(canvas, shaper, chart);
                boxes.Add(new ReportBox(i + 1, "chart", drawn.FirstOrDefault(t => t.Markup == chart.Chart.Title)?.Text ?? "", chart.X, chart.Y, chart.Width, chart.Height));
                unknownGlyphs += drawn.Sum(t => t.UnknownGlyphs);
            }

            foreach (var text in page.Texts)
            {
                canvas.SetColor(text.Color);
                text.Block.Draw(canvas, text.X, text.Y);
                boxes.Add(new ReportBox(i + 1, text.Kind, text.Block.PlainText, text.X, text.Y, text.Block.Width, text.Block.Height));
                unknownGlyphs += text.Block.UnknownGlyphs;
            }

            canvas.ShowPage();
        }

        canvas.CheckStatus();
        return new ReportDrawing(pages.Count, boxes, unknownGlyphs);
    }

    /// <summary>
    /// Paints the chart at <see cref="ReportStyle.ChartWidth"/> virtual pixels across into a recording
    /// surface, unscaled as in <see cref="ChartRenderer.Render"/>, then paints that recording scaled into
    /// the chart's box: vectors and text stay vectors and text in the PDF.
    /// </summary>
    private static IReadOnlyList<TextReport> DrawChart(CairoCanvas canvas, TextShaper shaper, PlacedChart chart)
    {
        var scale = chart.Width / ReportStyle.ChartWidth;
        var height = (int)Math.Round(chart.Height / scale);
        using var recording = CairoSurface.CreateRecording(ReportStyle.ChartWidth, height);
        IReadOnlyList<TextReport> texts;
        using (var chartCanvas = new CairoCanvas(recording))
        {
            texts = ChartRenderer.PaintChart(chartCanvas, shaper, chart.Chart, Style(scale, height), ReportStyle.ChartWidth, height).Texts;
        }

        // The page's text is shaped for the page's canvas again.
        shaper.Attach(canvas);
        canvas.Save();
        canvas.Translate(chart.X, chart.Y);
        canvas.Scale(scale);
        canvas.SetSource(recording);
        canvas.Rectangle(0, 0, ReportStyle.ChartWidth, height);
        canvas.Fill();
        canvas.Restore();
        return texts;
    }

    /// <summary>The chart's own style for its virtual size, with its unit raised where needed so that its smallest text is <see cref="ReportStyle.MinChartText"/> points on paper.</summary>
    private static ChartStyle Style(double scale, int height)
    {
        var theme = ChartTheme.Default;
        var usual = ChartStyle.For(ReportStyle.ChartWidth, height, 1, theme);
        var unit = new ChartStyle(1, theme);
        var smallest = new[] { unit.TickLabelSize, unit.LegendSize, unit.AnnotationSize, unit.MarkLabelSize, unit.AxisLabelSize, unit.SubtitleSize, unit.TitleSize * ChartStyle.MinTitleShrink }.Min();
        return usual with { Unit = Math.Max(usual.Unit, ReportStyle.MinChartText / (smallest * scale)) };
    }
}

using LabCharts.Rendering.Composition;
using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Layout;

/// <summary>
/// Picks the densest nice ticks whose measured labels keep clear of each other along an axis of a
/// given pixel length; fewer ticks are tried until none overlap, so labels never collide at any range.
/// </summary>
internal static class TickLabelFitter
{
    public static (AxisTicks Ticks, List<TextBlock> Labels) Fit(
        RenderContext context, AxisScale scale, double min, double max, double pixelLength, double preferredSpacing, bool horizontal)
    {
        var tickStyle = new TextStyle(context.Style.TickLabelSize);
        var gap = context.Style.TickLabelSpacing;
        var target = Math.Max(3, (int)Math.Round(pixelLength / preferredSpacing));
        AxisTicks ticks;
        List<TextBlock> labels;
        while (true)
        {
            ticks = scale == AxisScale.Log ? LogTickGenerator.Generate(min, max, target) : TickGenerator.Generate(min, max, target);
            labels = [.. ticks.Ticks.Select(t => context.Text(t.Label, tickStyle))];
            if (Fits(ticks, labels, scale, min, max, pixelLength, gap, horizontal) || target <= 1)
            {
                break;
            }

            target--;
        }

        // Two wide labels on a very short axis: keep every other one until they fit.
        var keep = 2;
        while (!Fits(ticks, labels, scale, min, max, pixelLength, gap, horizontal) && ticks.Ticks.Count > 1)
        {
            var kept = Enumerable.Range(0, ticks.Ticks.Count).Where(i => i % keep == 0).ToArray();
            ticks = ticks with { Ticks = [.. kept.Select(i => ticks.Ticks[i])] };
            labels = [.. kept.Select(i => labels[i])];
            keep++;
        }

        return (ticks, labels);
    }

    /// <summary>Pixel position of a value along an axis of the given length (from its low end).</summary>
    public static double Position(double value, AxisScale scale, double min, double max, double pixelLength) => scale == AxisScale.Log
        ? Math.Log10(value / min) / Math.Log10(max / min) * pixelLength
        : (value - min) / (max - min) * pixelLength;

    public static bool Fits(AxisTicks ticks, IReadOnlyList<TextBlock> labels, AxisScale scale, double min, double max, double pixelLength, double gap, bool horizontal)
    {
        for (var i = 1; i < labels.Count; i++)
        {
            var distance = Position(ticks.Ticks[i].Value, scale, min, max, pixelLength) - Position(ticks.Ticks[i - 1].Value, scale, min, max, pixelLength);
            var needed = horizontal
                ? ((labels[i].Width + labels[i - 1].Width) / 2) + gap
                : ((labels[i].Height + labels[i - 1].Height) / 2) + (gap / 3);
            if (distance < needed)
            {
                return false;
            }
        }

        return true;
    }
}

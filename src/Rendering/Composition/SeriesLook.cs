namespace LabCharts.Rendering.Composition;

/// <summary>How one series is drawn after the theme has filled in what it did not choose.</summary>
internal readonly record struct SeriesLook(RgbColor Color, MarkerShape Marker, LineDash Dash)
{
    /// <summary>
    /// Looks for the series of one panel. Colours go by position among the series that are not bands or
    /// reference lines; markers by position among scatters; dashes by position among curves. A band
    /// without a colour takes its nearest curve's (the one it surrounds).
    /// </summary>
    public static SeriesLook[] For(IReadOnlyList<Series> series, ChartTheme theme)
    {
        var looks = new SeriesLook[series.Count];
        int colorSlot = 0, markerSlot = 0, dashSlot = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var color = theme.Monochrome ? s.Color?.ToGrey() : s.Color;
            var marker = MarkerShape.Circle;
            var dash = LineDash.Solid;
            switch (s)
            {
                case ScatterSeries scatter:
                    marker = scatter.Marker ?? theme.Markers[markerSlot++ % theme.Markers.Count];
                    break;
                case FunctionSeries function:
                    dash = function.Dash ?? theme.Dashes[dashSlot++ % theme.Dashes.Count];
                    break;
                case LineSeries line:
                    dash = line.Dash ?? LineDash.Solid;
                    break;
                case ReferenceLine reference:
                    dash = reference.Dash;
                    color ??= theme.Reference;
                    break;
            }

            if (s is not (BandSeries or ReferenceLine))
            {
                color ??= theme.Palette[colorSlot % theme.Palette.Count];
                colorSlot++;
            }

            looks[i] = new SeriesLook(color ?? theme.Ink, marker, dash);
        }

        for (var i = 0; i < series.Count; i++)
        {
            if (series[i] is BandSeries band)
            {
                var curve = NearestCurve(series, i);
                var color = theme.BandFill ?? band.Color ?? (curve >= 0 ? looks[curve].Color : theme.Palette[0]);
                looks[i] = looks[i] with { Color = color };
            }
        }

        return looks;
    }

    private static int NearestCurve(IReadOnlyList<Series> series, int index)
    {
        for (var distance = 1; distance < series.Count; distance++)
        {
            foreach (var j in (ReadOnlySpan<int>)[index + distance, index - distance])
            {
                if (j >= 0 && j < series.Count && series[j] is FunctionSeries)
                {
                    return j;
                }
            }
        }

        return -1;
    }
}

using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Composition;

/// <summary>How one series is drawn after the theme has filled in what it did not choose.</summary>
internal readonly record struct SeriesLook(RgbColor Color, MarkerShape Marker, LineDash Dash)
{
    /// <summary>True when the colour is to be the nearest curve's (a band without a colour of its own).</summary>
    public bool FollowsCurve { get; init; }

    /// <summary>
    /// Looks for the series of one panel, in order (see <see cref="LookSlots"/>); then a look that
    /// follows a curve takes the colour of the nearest curve in the list (the one a band surrounds).
    /// </summary>
    public static SeriesLook[] For(IReadOnlyList<IPlottable> plottables, ChartTheme theme)
    {
        var slots = new LookSlots(theme);
        var looks = plottables.Select(p => p.Look(slots)).ToArray();
        for (var i = 0; i < looks.Length; i++)
        {
            if (looks[i].FollowsCurve)
            {
                var curve = NearestCurve(plottables, i);
                looks[i] = looks[i] with { Color = curve >= 0 ? looks[curve].Color : theme.Palette[0] };
            }
        }

        return looks;
    }

    private static int NearestCurve(IReadOnlyList<IPlottable> plottables, int index)
    {
        for (var distance = 1; distance < plottables.Count; distance++)
        {
            foreach (var j in (ReadOnlySpan<int>)[index + distance, index - distance])
            {
                if (j >= 0 && j < plottables.Count && plottables[j].IsCurve)
                {
                    return j;
                }
            }
        }

        return -1;
    }
}

namespace LabCharts.Rendering;

/// <summary>Shapes of scatter markers.</summary>
public enum MarkerShape
{
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,

    /// <summary>An unfilled circle (reads well in black and white next to filled ones).</summary>
    OpenCircle,

    /// <summary>An unfilled square.</summary>
    OpenSquare,
}

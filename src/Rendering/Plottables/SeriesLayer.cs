namespace LabCharts.Rendering.Plottables;

/// <summary>Drawing passes, bottom to top. All but <see cref="Marks"/> are clipped to the frame.</summary>
internal enum SeriesLayer
{
    Bands,
    ReferenceLines,
    Lines,
    Markers,

    /// <summary>Drawn after the frame, unclipped: rings with labels that may reach over it.</summary>
    Marks,
}

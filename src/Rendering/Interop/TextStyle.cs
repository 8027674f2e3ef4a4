namespace LabCharts.Rendering.Interop;

/// <summary>How a piece of text is set: size in device pixels, weight, and an optional wrapping width.</summary>
internal readonly record struct TextStyle(double Size, bool Bold = false, double WrapWidth = 0, bool Centered = false);

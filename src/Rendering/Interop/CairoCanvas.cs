namespace LabCharts.Rendering.Interop;

/// <summary>A Cairo context over a <see cref="CairoSurface"/>: the drawing operations the chart needs, in device pixels.</summary>
internal sealed unsafe class CairoCanvas : IDisposable
{
    public CairoCanvas(CairoSurface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        Handle = CairoNative.cairo_create(surface.Handle);
        if (Handle.IsInvalid)
        {
            throw new InvalidOperationException("cairo_create returned no context.");
        }

        var status = CairoNative.cairo_status(Handle);
        if (status != 0)
        {
            Handle.Dispose();
            CairoNative.ThrowIfFailed(status, "cairo_create");
        }
    }

    public SafeCairoContextHandle Handle { get; }

    public void Save() => CairoNative.cairo_save(Handle);

    public void Restore() => CairoNative.cairo_restore(Handle);

    public void Translate(double x, double y) => CairoNative.cairo_translate(Handle, x, y);

    public void Scale(double factor) => CairoNative.cairo_scale(Handle, factor, factor);

    public void Rotate(double radians) => CairoNative.cairo_rotate(Handle, radians);

    public void SetColor(RgbColor color, double alpha = 1) =>
        CairoNative.cairo_set_source_rgba(Handle, color.R / 255.0, color.G / 255.0, color.B / 255.0, alpha);

    /// <summary>Paints with another surface's drawing from now on, its origin at the current origin.</summary>
    public void SetSource(CairoSurface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        CairoNative.cairo_set_source_surface(Handle, surface.Handle, 0, 0);
    }

    public void SetLineWidth(double width) => CairoNative.cairo_set_line_width(Handle, width);

    public void SetRoundLines(bool round)
    {
        CairoNative.cairo_set_line_cap(Handle, round ? CairoNative.LineCapRound : CairoNative.LineCapButt);
        CairoNative.cairo_set_line_join(Handle, round ? CairoNative.LineJoinRound : 0);
    }

    public void SetDash(ReadOnlySpan<double> dashes)
    {
        fixed (double* p = dashes)
        {
            CairoNative.cairo_set_dash(Handle, p, dashes.Length, 0);
        }
    }

    public void NewPath() => CairoNative.cairo_new_path(Handle);

    public void NewSubPath() => CairoNative.cairo_new_sub_path(Handle);

    public void ClosePath() => CairoNative.cairo_close_path(Handle);

    public void MoveTo(double x, double y) => CairoNative.cairo_move_to(Handle, x, y);

    public void LineTo(double x, double y) => CairoNative.cairo_line_to(Handle, x, y);

    public void Rectangle(double x, double y, double width, double height) =>
        CairoNative.cairo_rectangle(Handle, x, y, width, height);

    public void RoundedRectangle(double x, double y, double width, double height, double radius)
    {
        NewSubPath();
        CairoNative.cairo_arc(Handle, x + width - radius, y + radius, radius, -Math.PI / 2, 0);
        CairoNative.cairo_arc(Handle, x + width - radius, y + height - radius, radius, 0, Math.PI / 2);
        CairoNative.cairo_arc(Handle, x + radius, y + height - radius, radius, Math.PI / 2, Math.PI);
        CairoNative.cairo_arc(Handle, x + radius, y + radius, radius, Math.PI, 3 * Math.PI / 2);
        ClosePath();
    }

    public void Circle(double x, double y, double radius)
    {
        NewSubPath();
        CairoNative.cairo_arc(Handle, x, y, radius, 0, 2 * Math.PI);
        ClosePath();
    }

    public void Stroke() => CairoNative.cairo_stroke(Handle);

    public void Fill() => CairoNative.cairo_fill(Handle);

    public void FillPreserve() => CairoNative.cairo_fill_preserve(Handle);

    public void Clip() => CairoNative.cairo_clip(Handle);

    public void Paint() => CairoNative.cairo_paint(Handle);

    /// <summary>Ends the current page of a document surface (PDF); the next drawing goes on a new page.</summary>
    public void ShowPage() => CairoNative.cairo_show_page(Handle);

    /// <summary>Throws if any drawing operation left the context in an error state.</summary>
    public void CheckStatus() => CairoNative.ThrowIfFailed(CairoNative.cairo_status(Handle), "drawing");

    public void Dispose() => Handle.Dispose();
}

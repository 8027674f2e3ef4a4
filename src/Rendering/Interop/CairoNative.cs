using System.Runtime.InteropServices;

namespace LabCharts.Rendering.Interop;

/// <summary>Raw imports from libcairo; names and signatures are Cairo's own (cairo.h, cairo-svg.h, cairo-pdf.h).</summary>
internal static unsafe partial class CairoNative
{
    public const int FormatRgb24 = 1;          // CAIRO_FORMAT_RGB24
    public const int FontTypeFt = 1;           // CAIRO_FONT_TYPE_FT
    public const int AntialiasGray = 2;        // CAIRO_ANTIALIAS_GRAY
    public const int HintStyleNone = 1;        // CAIRO_HINT_STYLE_NONE
    public const int HintMetricsOff = 1;       // CAIRO_HINT_METRICS_OFF
    public const int LineCapButt = 0;          // CAIRO_LINE_CAP_BUTT
    public const int LineCapRound = 1;         // CAIRO_LINE_CAP_ROUND
    public const int LineJoinRound = 1;        // CAIRO_LINE_JOIN_ROUND
    public const int ContentColorAlpha = 0x3000; // CAIRO_CONTENT_COLOR_ALPHA
    public const int PdfMetadataTitle = 0;     // CAIRO_PDF_METADATA_TITLE
    public const int PdfMetadataCreateDate = 5; // CAIRO_PDF_METADATA_CREATE_DATE

    // cairo_surface_t *cairo_image_surface_create_for_data (unsigned char *data, cairo_format_t format, int width, int height, int stride);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial SafeCairoSurfaceHandle cairo_image_surface_create_for_data(SafeNativeMemoryHandle data, int format, int width, int height, int stride);

    // int cairo_format_stride_for_width (cairo_format_t format, int width);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial int cairo_format_stride_for_width(int format, int width);

    // cairo_surface_t *cairo_image_surface_create (cairo_format_t format, int width, int height);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial SafeCairoSurfaceHandle cairo_image_surface_create(int format, int width, int height);

    /// <summary>cairo_rectangle_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CairoRectangle
    {
        public double X;
        public double Y;
        public double Width;
        public double Height;
    }

    // cairo_surface_t *cairo_recording_surface_create (cairo_content_t content, const cairo_rectangle_t *extents);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial SafeCairoSurfaceHandle cairo_recording_surface_create(int content, CairoRectangle* extents);

    // cairo_surface_t *cairo_svg_surface_create_for_stream (cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial SafeCairoSurfaceHandle cairo_svg_surface_create_for_stream(delegate* unmanaged[Cdecl]<nint, byte*, uint, int> writeFunc, nint closure, double width, double height);

    // cairo_surface_t *cairo_pdf_surface_create_for_stream (cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial SafeCairoSurfaceHandle cairo_pdf_surface_create_for_stream(delegate* unmanaged[Cdecl]<nint, byte*, uint, int> writeFunc, nint closure, double width, double height);

    // void cairo_pdf_surface_set_metadata (cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8);
    [LibraryImport(NativeLibraryNames.Cairo, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void cairo_pdf_surface_set_metadata(SafeCairoSurfaceHandle surface, int metadata, string utf8);

    // cairo_status_t cairo_surface_status (cairo_surface_t *surface);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial int cairo_surface_status(SafeCairoSurfaceHandle surface);

    // void cairo_surface_destroy (cairo_surface_t *surface);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_surface_destroy(nint surface);

    // void cairo_surface_flush (cairo_surface_t *surface);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_surface_flush(SafeCairoSurfaceHandle surface);

    // void cairo_surface_finish (cairo_surface_t *surface);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_surface_finish(SafeCairoSurfaceHandle surface);

    // unsigned char *cairo_image_surface_get_data (cairo_surface_t *surface);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial byte* cairo_image_surface_get_data(SafeCairoSurfaceHandle surface);

    // int cairo_image_surface_get_stride (cairo_surface_t *surface);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial int cairo_image_surface_get_stride(SafeCairoSurfaceHandle surface);

    // cairo_t *cairo_create (cairo_surface_t *target);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial SafeCairoContextHandle cairo_create(SafeCairoSurfaceHandle target);

    // cairo_status_t cairo_status (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial int cairo_status(SafeCairoContextHandle cr);

    // void cairo_destroy (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_destroy(nint cr);

    // const char *cairo_status_to_string (cairo_status_t status);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial byte* cairo_status_to_string(int status);

    // void cairo_save (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_save(SafeCairoContextHandle cr);

    // void cairo_restore (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_restore(SafeCairoContextHandle cr);

    // void cairo_translate (cairo_t *cr, double tx, double ty);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_translate(SafeCairoContextHandle cr, double tx, double ty);

    // void cairo_scale (cairo_t *cr, double sx, double sy);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_scale(SafeCairoContextHandle cr, double sx, double sy);

    // void cairo_rotate (cairo_t *cr, double angle);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_rotate(SafeCairoContextHandle cr, double angle);

    // void cairo_set_source_rgba (cairo_t *cr, double red, double green, double blue, double alpha);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_set_source_rgba(SafeCairoContextHandle cr, double red, double green, double blue, double alpha);

    // void cairo_set_source_surface (cairo_t *cr, cairo_surface_t *surface, double x, double y);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_set_source_surface(SafeCairoContextHandle cr, SafeCairoSurfaceHandle surface, double x, double y);

    // void cairo_set_line_width (cairo_t *cr, double width);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_set_line_width(SafeCairoContextHandle cr, double width);

    // void cairo_set_line_cap (cairo_t *cr, cairo_line_cap_t line_cap);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_set_line_cap(SafeCairoContextHandle cr, int lineCap);

    // void cairo_set_line_join (cairo_t *cr, cairo_line_join_t line_join);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_set_line_join(SafeCairoContextHandle cr, int lineJoin);

    // void cairo_set_dash (cairo_t *cr, const double *dashes, int num_dashes, double offset);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_set_dash(SafeCairoContextHandle cr, double* dashes, int numDashes, double offset);

    // void cairo_new_path (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_new_path(SafeCairoContextHandle cr);

    // void cairo_new_sub_path (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_new_sub_path(SafeCairoContextHandle cr);

    // void cairo_close_path (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_close_path(SafeCairoContextHandle cr);

    // void cairo_move_to (cairo_t *cr, double x, double y);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_move_to(SafeCairoContextHandle cr, double x, double y);

    // void cairo_line_to (cairo_t *cr, double x, double y);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_line_to(SafeCairoContextHandle cr, double x, double y);

    // void cairo_rectangle (cairo_t *cr, double x, double y, double width, double height);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_rectangle(SafeCairoContextHandle cr, double x, double y, double width, double height);

    // void cairo_arc (cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_arc(SafeCairoContextHandle cr, double xc, double yc, double radius, double angle1, double angle2);

    // void cairo_stroke (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_stroke(SafeCairoContextHandle cr);

    // void cairo_fill (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_fill(SafeCairoContextHandle cr);

    // void cairo_fill_preserve (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_fill_preserve(SafeCairoContextHandle cr);

    // void cairo_clip (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_clip(SafeCairoContextHandle cr);

    // void cairo_paint (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_paint(SafeCairoContextHandle cr);

    // void cairo_show_page (cairo_t *cr);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_show_page(SafeCairoContextHandle cr);

    // cairo_font_options_t *cairo_font_options_create (void);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial SafeCairoFontOptionsHandle cairo_font_options_create();

    // cairo_status_t cairo_font_options_status (cairo_font_options_t *options);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial int cairo_font_options_status(SafeCairoFontOptionsHandle options);

    // void cairo_font_options_destroy (cairo_font_options_t *options);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_font_options_destroy(nint options);

    // void cairo_font_options_set_antialias (cairo_font_options_t *options, cairo_antialias_t antialias);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_font_options_set_antialias(SafeCairoFontOptionsHandle options, int antialias);

    // void cairo_font_options_set_hint_style (cairo_font_options_t *options, cairo_hint_style_t hint_style);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_font_options_set_hint_style(SafeCairoFontOptionsHandle options, int hintStyle);

    // void cairo_font_options_set_hint_metrics (cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics);
    [LibraryImport(NativeLibraryNames.Cairo)]
    public static partial void cairo_font_options_set_hint_metrics(SafeCairoFontOptionsHandle options, int hintMetrics);

    /// <summary>Throws when a Cairo status is not CAIRO_STATUS_SUCCESS, with Cairo's own message.</summary>
    public static void ThrowIfFailed(int status, string operation)
    {
        if (status != 0)
        {
            var message = Marshal.PtrToStringUTF8((nint)cairo_status_to_string(status)) ?? "unknown";
            throw new InvalidOperationException($"{operation} failed: cairo status {status} ({message}).");
        }
    }
}

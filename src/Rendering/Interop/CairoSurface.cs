using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LabCharts.Rendering.Interop;

/// <summary>A Cairo drawing target: an RGB24 image in memory, an SVG/PDF document written to a stream, or a recording to paint elsewhere.</summary>
internal sealed unsafe class CairoSurface : IDisposable
{
    private readonly GCHandle _streamHandle;
    private SafeNativeMemoryHandle? _pixels;
    private bool _ownsPixels;

    private CairoSurface(SafeCairoSurfaceHandle handle, int width, int height, GCHandle streamHandle)
    {
        Handle = handle;
        Width = width;
        Height = height;
        _streamHandle = streamHandle;
    }

    public SafeCairoSurfaceHandle Handle { get; }

    /// <summary>Width in pixels (a document's in whole points, rounded up).</summary>
    public int Width { get; }

    public int Height { get; }

    public static CairoSurface CreateImage(int width, int height)
    {
        var handle = CairoNative.cairo_image_surface_create(CairoNative.FormatRgb24, width, height);
        CheckCreated(handle, "cairo_image_surface_create");
        // No GC.AddMemoryPressure: every surface is disposed at the end of its render, and the
        // pressure it reports (4 MB per 1200×900) made the GC collect far more often than needed.
        return new CairoSurface(handle, width, height, default);
    }

    /// <summary>
    /// Records drawing as vectors within <paramref name="width"/> × <paramref name="height"/> units, to be
    /// painted later (scaled) onto another surface. A report draws each chart into one at its virtual
    /// size: Pango's superscripts come out too small under a scaled transformation (1.50 scales their
    /// size twice), so text is never shaped under one.
    /// </summary>
    public static CairoSurface CreateRecording(int width, int height)
    {
        var extents = new CairoNative.CairoRectangle { Width = width, Height = height };
        var handle = CairoNative.cairo_recording_surface_create(CairoNative.ContentColorAlpha, &extents);
        CheckCreated(handle, "cairo_recording_surface_create");
        return new CairoSurface(handle, width, height, default);
    }

    public static CairoSurface CreateSvg(Stream output, int width, int height) =>
        CreateForStream(output, width, height, svg: true);

    /// <summary>A PDF document whose pages are <paramref name="width"/> × <paramref name="height"/> points (A4: 595.276 × 841.89); <paramref name="title"/> goes into its metadata.</summary>
    public static CairoSurface CreatePdf(Stream output, double width, double height, string? title = null)
    {
        var surface = CreateForStream(output, width, height, svg: false);
        // A fixed creation date keeps identical charts byte-identical.
        CairoNative.cairo_pdf_surface_set_metadata(surface.Handle, CairoNative.PdfMetadataCreateDate, "2000-01-01T00:00:00Z");
        if (!string.IsNullOrEmpty(title))
        {
            CairoNative.cairo_pdf_surface_set_metadata(surface.Handle, CairoNative.PdfMetadataTitle, title);
        }

        return surface;
    }

    /// <summary>An RGB24 image drawn into memory from <paramref name="buffer"/> (kept alive, and reused, by the caller's slot).</summary>
    public static CairoSurface CreateImage(int width, int height, PixelBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var stride = CairoNative.cairo_format_stride_for_width(CairoNative.FormatRgb24, width);
        if (stride <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "cairo_format_stride_for_width refused the width.");
        }

        var pixels = buffer.Rent((long)stride * height, out var owned);
        var handle = CairoNative.cairo_image_surface_create_for_data(pixels, CairoNative.FormatRgb24, width, height, stride);
        try
        {
            CheckCreated(handle, "cairo_image_surface_create_for_data");
        }
        catch
        {
            if (owned)
            {
                pixels.Dispose();
            }

            throw;
        }

        return new CairoSurface(handle, width, height, default) { _pixels = pixels, _ownsPixels = owned };
    }

    /// <summary>Flushes pending drawing and returns the surface's pixels (native-endian 0x00RRGGBB words).</summary>
    public ReadOnlySpan<byte> GetPixels(out int stride)
    {
        CairoNative.cairo_surface_flush(Handle);
        stride = CairoNative.cairo_image_surface_get_stride(Handle);
        var data = CairoNative.cairo_image_surface_get_data(Handle);
        if (data == null)
        {
            throw new InvalidOperationException("cairo_image_surface_get_data returned no pixels.");
        }

        return new ReadOnlySpan<byte>(data, checked(stride * Height));
    }

    /// <summary>Completes a document surface: everything is written to the stream before this returns.</summary>
    public void Finish()
    {
        CairoNative.cairo_surface_finish(Handle);
        CairoNative.ThrowIfFailed(CairoNative.cairo_surface_status(Handle), "cairo_surface_finish");
    }

    public void Dispose()
    {
        // The surface first: Cairo may touch the pixels until it is destroyed.
        Handle.Dispose();
        if (_ownsPixels)
        {
            _pixels?.Dispose();
        }

        if (_streamHandle.IsAllocated)
        {
            _streamHandle.Free();
        }
    }

    private static CairoSurface CreateForStream(Stream output, double width, double height, bool svg)
    {
        var streamHandle = GCHandle.Alloc(output);
        var closure = GCHandle.ToIntPtr(streamHandle);
        var handle = svg
            ? CairoNative.cairo_svg_surface_create_for_stream(&Write, closure, width, height)
            : CairoNative.cairo_pdf_surface_create_for_stream(&Write, closure, width, height);
        try
        {
            CheckCreated(handle, svg ? "cairo_svg_surface_create_for_stream" : "cairo_pdf_surface_create_for_stream");
        }
        catch
        {
            streamHandle.Free();
            throw;
        }

        return new CairoSurface(handle, (int)Math.Ceiling(width), (int)Math.Ceiling(height), streamHandle);
    }

    private static void CheckCreated(SafeCairoSurfaceHandle handle, string operation)
    {
        if (handle.IsInvalid)
        {
            throw new InvalidOperationException($"{operation} returned no surface.");
        }

        var status = CairoNative.cairo_surface_status(handle);
        if (status != 0)
        {
            handle.Dispose();
            CairoNative.ThrowIfFailed(status, operation);
        }
    }

    // cairo_status_t (*cairo_write_func_t) (void *closure, const unsigned char *data, unsigned int length);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Write(nint closure, byte* data, uint length)
    {
        try
        {
            var stream = (Stream)GCHandle.FromIntPtr(closure).Target!;
            stream.Write(new ReadOnlySpan<byte>(data, checked((int)length)));
            return 0;
        }
#pragma warning disable CA1031 // an exception must not cross into native code; Cairo reports the write error instead
        catch (Exception)
#pragma warning restore CA1031
        {
            return 11; // CAIRO_STATUS_WRITE_ERROR
        }
    }
}

using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns one <c>cairo_surface_t</c>; released with <c>cairo_surface_destroy</c>.</summary>
internal sealed class SafeCairoSurfaceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeCairoSurfaceHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        CairoNative.cairo_surface_destroy(handle);
        return true;
    }
}

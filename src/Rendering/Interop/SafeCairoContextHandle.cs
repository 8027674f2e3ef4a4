using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns one <c>cairo_t</c>; released with <c>cairo_destroy</c>.</summary>
internal sealed class SafeCairoContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeCairoContextHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        CairoNative.cairo_destroy(handle);
        return true;
    }
}

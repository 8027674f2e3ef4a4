using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns one <c>cairo_font_options_t</c>; released with <c>cairo_font_options_destroy</c>.</summary>
internal sealed class SafeCairoFontOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeCairoFontOptionsHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        CairoNative.cairo_font_options_destroy(handle);
        return true;
    }
}

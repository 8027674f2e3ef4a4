using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns one <c>PangoFontDescription</c>; released with <c>pango_font_description_free</c>.</summary>
internal sealed class SafePangoFontDescriptionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafePangoFontDescriptionHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        PangoNative.pango_font_description_free(handle);
        return true;
    }
}

using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns one <c>PangoFontMap</c> (a GObject); released with <c>g_object_unref</c>.</summary>
internal sealed class SafePangoFontMapHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafePangoFontMapHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        GLibNative.g_object_unref(handle);
        return true;
    }
}

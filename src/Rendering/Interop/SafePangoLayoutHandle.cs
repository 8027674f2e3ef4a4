using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns one <c>PangoLayout</c> (a GObject); released with <c>g_object_unref</c>.</summary>
internal sealed class SafePangoLayoutHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafePangoLayoutHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        GLibNative.g_object_unref(handle);
        return true;
    }
}

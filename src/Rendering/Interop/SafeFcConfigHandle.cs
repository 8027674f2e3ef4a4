using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns one <c>FcConfig</c> (reference counted; Pango font maps hold their own reference); released with <c>FcConfigDestroy</c>.</summary>
internal sealed class SafeFcConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeFcConfigHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        FontconfigNative.FcConfigDestroy(handle);
        return true;
    }
}

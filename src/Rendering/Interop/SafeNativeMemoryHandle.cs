using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LabCharts.Rendering.Interop;

/// <summary>Owns a block from <see cref="NativeMemory.AlignedAlloc"/>; released with <see cref="NativeMemory.AlignedFree"/>.</summary>
internal sealed unsafe class SafeNativeMemoryHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeNativeMemoryHandle()
        : base(ownsHandle: true)
    {
    }

    public static SafeNativeMemoryHandle Allocate(nuint bytes)
    {
        var handle = new SafeNativeMemoryHandle();
        handle.SetHandle((nint)NativeMemory.AlignedAlloc(bytes, 64));
        return handle;
    }

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        return true;
    }
}

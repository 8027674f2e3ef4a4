using System.Runtime.InteropServices;

namespace LabCharts.Rendering.Interop;

/// <summary>Raw imports from libglib and libgobject; names and signatures are GLib's own.</summary>
internal static unsafe partial class GLibNative
{
    /// <summary>GError: domain, code, message.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct GError
    {
        public uint Domain;
        public int Code;
        public byte* Message;
    }

    // void g_object_unref (gpointer object);
    [LibraryImport(NativeLibraryNames.GObject)]
    public static partial void g_object_unref(nint obj);

    // void g_free (gpointer mem);
    [LibraryImport(NativeLibraryNames.GLib)]
    public static partial void g_free(nint mem);

    // void g_error_free (GError *error);
    [LibraryImport(NativeLibraryNames.GLib)]
    public static partial void g_error_free(nint error);
}

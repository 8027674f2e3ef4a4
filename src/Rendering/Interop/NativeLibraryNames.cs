namespace LabCharts.Rendering.Interop;

/// <summary>Sonames of the system libraries the renderer binds to (Debian: libcairo2, libpango*-1.0-0, libfontconfig1, libglib2.0-0).</summary>
internal static class NativeLibraryNames
{
    public const string Cairo = "libcairo.so.2";
    public const string Pango = "libpango-1.0.so.0";
    public const string PangoCairo = "libpangocairo-1.0.so.0";
    public const string PangoFt2 = "libpangoft2-1.0.so.0";
    public const string Fontconfig = "libfontconfig.so.1";
    public const string GObject = "libgobject-2.0.so.0";
    public const string GLib = "libglib-2.0.so.0";
}

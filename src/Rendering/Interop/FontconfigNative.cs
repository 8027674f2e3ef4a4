using System.Runtime.InteropServices;

namespace LabCharts.Rendering.Interop;

/// <summary>Raw imports from libfontconfig; names and signatures are fontconfig's own (fontconfig.h).</summary>
internal static unsafe partial class FontconfigNative
{
    public const int SetApplication = 1; // FcSetApplication

    /// <summary>FcFontSet: only the count is read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FcFontSet
    {
        public int NFont;
        public int SFont;
        public nint Fonts;
    }

    // FcConfig *FcConfigCreate (void);
    [LibraryImport(NativeLibraryNames.Fontconfig)]
    public static partial SafeFcConfigHandle FcConfigCreate();

    // void FcConfigDestroy (FcConfig *config);
    [LibraryImport(NativeLibraryNames.Fontconfig)]
    public static partial void FcConfigDestroy(nint config);

    // FcBool FcConfigAppFontAddFile (FcConfig *config, const FcChar8 *file);
    [LibraryImport(NativeLibraryNames.Fontconfig, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FcConfigAppFontAddFile(SafeFcConfigHandle config, string file);

    // FcBool FcConfigParseAndLoadFromMemory (FcConfig *config, const FcChar8 *buffer, FcBool complain);
    [LibraryImport(NativeLibraryNames.Fontconfig, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FcConfigParseAndLoadFromMemory(SafeFcConfigHandle config, string buffer, int complain);

    // FcBool FcConfigBuildFonts (FcConfig *config);
    [LibraryImport(NativeLibraryNames.Fontconfig)]
    public static partial int FcConfigBuildFonts(SafeFcConfigHandle config);

    // FcFontSet *FcConfigGetFonts (FcConfig *config, FcSetName set);
    [LibraryImport(NativeLibraryNames.Fontconfig)]
    public static partial FcFontSet* FcConfigGetFonts(SafeFcConfigHandle config, int set);
}

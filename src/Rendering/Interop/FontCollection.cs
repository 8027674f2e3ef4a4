namespace LabCharts.Rendering.Interop;

/// <summary>
/// A private fontconfig configuration holding only the fonts of one folder, so charts never pick up
/// the host's fonts. Fontconfig is thread-safe (since 2.10) and the configuration is only read after
/// it is built, so one instance is shared by every <see cref="TextShaper"/> of a renderer.
/// </summary>
internal sealed unsafe class FontCollection : IDisposable
{
    // Like fontconfig's 90-synthetic.conf: slant faces that have no italic (Noto Sans CJK) and
    // embolden faces that have no bold, so <i>g</i> is visibly italic in a CJK-first family.
    private const string SyntheticStyles = """
        <?xml version="1.0"?>
        <fontconfig>
          <match target="font">
            <test name="slant"><const>roman</const></test>
            <test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>
            <edit name="matrix" mode="assign">
              <times><name>matrix</name>
                <matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix>
              </times>
            </edit>
            <edit name="slant" mode="assign" binding="strong"><const>oblique</const></edit>
          </match>
          <match target="font">
            <test name="weight" compare="less_eq"><const>medium</const></test>
            <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
            <edit name="embolden" mode="assign"><bool>true</bool></edit>
            <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
          </match>
        </fontconfig>
        """;

    public FontCollection(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Fonts directory not found: {directory}");
        }

        Handle = FontconfigNative.FcConfigCreate();
        if (Handle.IsInvalid)
        {
            throw new InvalidOperationException("FcConfigCreate returned no configuration.");
        }

        try
        {
            Require(FontconfigNative.FcConfigParseAndLoadFromMemory(Handle, SyntheticStyles, 1), "FcConfigParseAndLoadFromMemory");
            // File by file rather than FcConfigAppFontAddDir: a directory scan also tries to write a
            // fontconfig cache (and complains on stderr when there is no writable cache folder).
            foreach (var file in Directory.EnumerateFiles(Path.GetFullPath(directory)).Where(IsFontFile).Order(StringComparer.Ordinal))
            {
                Require(FontconfigNative.FcConfigAppFontAddFile(Handle, file), "FcConfigAppFontAddFile " + file);
            }

            Require(FontconfigNative.FcConfigBuildFonts(Handle), "FcConfigBuildFonts");
            var set = FontconfigNative.FcConfigGetFonts(Handle, FontconfigNative.SetApplication);
            FaceCount = set == null ? 0 : set->NFont;
            if (FaceCount == 0)
            {
                throw new InvalidOperationException($"No fonts found in {directory}.");
            }
        }
        catch
        {
            Handle.Dispose();
            throw;
        }
    }

    public SafeFcConfigHandle Handle { get; }

    /// <summary>Number of font faces fontconfig found in the folder (a .ttc holds several).</summary>
    public int FaceCount { get; }

    public void Dispose() => Handle.Dispose();

    private static bool IsFontFile(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".TTF" or ".TTC" or ".OTF" or ".OTC";

    private static void Require(int result, string operation)
    {
        if (result == 0)
        {
            throw new InvalidOperationException($"{operation} failed.");
        }
    }
}

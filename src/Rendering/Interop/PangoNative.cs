using System.Runtime.InteropServices;

namespace LabCharts.Rendering.Interop;

/// <summary>Raw imports from libpango, libpangocairo and libpangoft2; names and signatures are Pango's own.</summary>
internal static unsafe partial class PangoNative
{
    public const int Scale = 1024;            // PANGO_SCALE
    public const int WrapWordChar = 2;        // PANGO_WRAP_WORD_CHAR
    public const int AlignLeft = 0;           // PANGO_ALIGN_LEFT
    public const int AlignCenter = 1;         // PANGO_ALIGN_CENTER
    public const int WeightNormal = 400;      // PANGO_WEIGHT_NORMAL
    public const int WeightBold = 700;        // PANGO_WEIGHT_BOLD

    /// <summary>PangoRectangle: extents in Pango units.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PangoRectangle
    {
        public int X;
        public int Y;
        public int Width;
        public int Height;
    }

    /// <summary>The common head of every PangoAttribute: class, then the byte range it applies to.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PangoAttribute
    {
        public nint Klass;
        public uint StartIndex;
        public uint EndIndex;
    }

    // PangoAttrList *pango_attr_list_new (void);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial nint pango_attr_list_new();

    // void pango_attr_list_insert (PangoAttrList *list, PangoAttribute *attr);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_attr_list_insert(nint list, PangoAttribute* attr);

    // PangoAttribute *pango_attr_family_new (const char *family);
    [LibraryImport(NativeLibraryNames.Pango, StringMarshalling = StringMarshalling.Utf8)]
    public static partial PangoAttribute* pango_attr_family_new(string family);

    // PangoFontMap *pango_cairo_font_map_new_for_font_type (cairo_font_type_t fonttype);
    [LibraryImport(NativeLibraryNames.PangoCairo)]
    public static partial SafePangoFontMapHandle pango_cairo_font_map_new_for_font_type(int fontType);

    // void pango_fc_font_map_set_config (PangoFcFontMap *fcfontmap, FcConfig *fcconfig);
    [LibraryImport(NativeLibraryNames.PangoFt2)]
    public static partial void pango_fc_font_map_set_config(SafePangoFontMapHandle fontMap, SafeFcConfigHandle config);

    // PangoContext *pango_font_map_create_context (PangoFontMap *fontmap);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial SafePangoContextHandle pango_font_map_create_context(SafePangoFontMapHandle fontMap);

    // PangoLanguage *pango_language_from_string (const char *language);
    [LibraryImport(NativeLibraryNames.Pango, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint pango_language_from_string(string language);

    // void pango_context_set_language (PangoContext *context, PangoLanguage *language);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_context_set_language(SafePangoContextHandle context, nint language);

    // void pango_cairo_context_set_font_options (PangoContext *context, const cairo_font_options_t *options);
    [LibraryImport(NativeLibraryNames.PangoCairo)]
    public static partial void pango_cairo_context_set_font_options(SafePangoContextHandle context, SafeCairoFontOptionsHandle options);

    // void pango_cairo_context_set_resolution (PangoContext *context, double dpi);
    [LibraryImport(NativeLibraryNames.PangoCairo)]
    public static partial void pango_cairo_context_set_resolution(SafePangoContextHandle context, double dpi);

    // void pango_cairo_update_context (cairo_t *cr, PangoContext *context);
    [LibraryImport(NativeLibraryNames.PangoCairo)]
    public static partial void pango_cairo_update_context(SafeCairoContextHandle cr, SafePangoContextHandle context);

    // PangoLayout *pango_layout_new (PangoContext *context);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial SafePangoLayoutHandle pango_layout_new(SafePangoContextHandle context);

    // void pango_layout_set_font_description (PangoLayout *layout, const PangoFontDescription *desc);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_layout_set_font_description(SafePangoLayoutHandle layout, SafePangoFontDescriptionHandle desc);

    // void pango_layout_set_text (PangoLayout *layout, const char *text, int length);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_layout_set_text(SafePangoLayoutHandle layout, byte* text, int length);

    // void pango_layout_set_attributes (PangoLayout *layout, PangoAttrList *attrs);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_layout_set_attributes(SafePangoLayoutHandle layout, nint attrs);

    // void pango_attr_list_unref (PangoAttrList *list);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_attr_list_unref(nint list);

    // gboolean pango_parse_markup (const char *markup_text, int length, gunichar accel_marker, PangoAttrList **attr_list, char **text, gunichar *accel_char, GError **error);
    [LibraryImport(NativeLibraryNames.Pango, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pango_parse_markup(string markupText, int length, uint accelMarker, nint* attrList, byte** text, uint* accelChar, nint* error);

    // void pango_layout_set_width (PangoLayout *layout, int width);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_layout_set_width(SafePangoLayoutHandle layout, int width);

    // void pango_layout_set_wrap (PangoLayout *layout, PangoWrapMode wrap);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_layout_set_wrap(SafePangoLayoutHandle layout, int wrap);

    // void pango_layout_set_alignment (PangoLayout *layout, PangoAlignment alignment);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_layout_set_alignment(SafePangoLayoutHandle layout, int alignment);

    // void pango_layout_get_extents (PangoLayout *layout, PangoRectangle *ink_rect, PangoRectangle *logical_rect);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_layout_get_extents(SafePangoLayoutHandle layout, PangoRectangle* inkRect, PangoRectangle* logicalRect);

    // int pango_layout_get_baseline (PangoLayout *layout);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial int pango_layout_get_baseline(SafePangoLayoutHandle layout);

    // int pango_layout_get_line_count (PangoLayout *layout);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial int pango_layout_get_line_count(SafePangoLayoutHandle layout);

    // int pango_layout_get_unknown_glyphs_count (PangoLayout *layout);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial int pango_layout_get_unknown_glyphs_count(SafePangoLayoutHandle layout);

    // void pango_cairo_update_layout (cairo_t *cr, PangoLayout *layout);
    [LibraryImport(NativeLibraryNames.PangoCairo)]
    public static partial void pango_cairo_update_layout(SafeCairoContextHandle cr, SafePangoLayoutHandle layout);

    // void pango_cairo_show_layout (cairo_t *cr, PangoLayout *layout);
    [LibraryImport(NativeLibraryNames.PangoCairo)]
    public static partial void pango_cairo_show_layout(SafeCairoContextHandle cr, SafePangoLayoutHandle layout);

    // PangoFontDescription *pango_font_description_new (void);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial SafePangoFontDescriptionHandle pango_font_description_new();

    // void pango_font_description_set_family (PangoFontDescription *desc, const char *family);
    [LibraryImport(NativeLibraryNames.Pango, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void pango_font_description_set_family(SafePangoFontDescriptionHandle desc, string family);

    // void pango_font_description_set_absolute_size (PangoFontDescription *desc, double size);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_font_description_set_absolute_size(SafePangoFontDescriptionHandle desc, double size);

    // void pango_font_description_set_weight (PangoFontDescription *desc, PangoWeight weight);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_font_description_set_weight(SafePangoFontDescriptionHandle desc, int weight);

    // void pango_font_description_free (PangoFontDescription *desc);
    [LibraryImport(NativeLibraryNames.Pango)]
    public static partial void pango_font_description_free(nint desc);
}

namespace LabCharts.Rendering.Interop;

/// <summary>
/// A Pango font map and context over a <see cref="FontCollection"/>. Pango objects are not
/// thread-safe (its default font map is per thread for that reason), so a shaper is used by one
/// render at a time; renderers keep a pool of them.
/// </summary>
internal sealed class TextShaper : IDisposable
{
    private readonly SafePangoFontMapHandle _fontMap;
    private readonly string _family;
    private readonly string? _symbolFamily;

    /// <param name="fonts">The private font set.</param>
    /// <param name="family">Pango family list for all text.</param>
    /// <param name="symbolFamily">Family for ± × · ÷ (null: same as the text).</param>
    /// <param name="language">Language tag for the context, e.g. zh-cn.</param>
    public TextShaper(FontCollection fonts, string family, string? symbolFamily, string language)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        _family = family;
        _symbolFamily = symbolFamily;
        _fontMap = PangoNative.pango_cairo_font_map_new_for_font_type(CairoNative.FontTypeFt);
        if (_fontMap.IsInvalid)
        {
            throw new InvalidOperationException("pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) returned no font map.");
        }

        // The font map takes its own reference on the FcConfig, the context on the font map and each
        // layout on the context, so native lifetimes hold whatever order the handles are released in.
        PangoNative.pango_fc_font_map_set_config(_fontMap, fonts.Handle);
        Context = PangoNative.pango_font_map_create_context(_fontMap);
        if (Context.IsInvalid)
        {
            _fontMap.Dispose();
            throw new InvalidOperationException("pango_font_map_create_context returned no context.");
        }

        // zh-CN makes Pango prefer the Simplified-Chinese glyph forms of Han characters.
        PangoNative.pango_context_set_language(Context, PangoNative.pango_language_from_string(language));

        // Grey antialiasing, no hinting: glyph positions do not depend on the pixel grid, so layout
        // is identical at every scale and every machine.
        using var options = CairoNative.cairo_font_options_create();
        CairoNative.ThrowIfFailed(CairoNative.cairo_font_options_status(options), "cairo_font_options_create");
        CairoNative.cairo_font_options_set_antialias(options, CairoNative.AntialiasGray);
        CairoNative.cairo_font_options_set_hint_style(options, CairoNative.HintStyleNone);
        CairoNative.cairo_font_options_set_hint_metrics(options, CairoNative.HintMetricsOff);
        PangoNative.pango_cairo_context_set_font_options(Context, options);
    }

    public SafePangoContextHandle Context { get; }

    /// <summary>Binds the Pango context to the canvas's transformation and font options.</summary>
    public void Attach(CairoCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        PangoNative.pango_cairo_update_context(canvas.Handle, Context);
    }

    public TextBlock Layout(string markup, TextStyle style) => new(this, _family, _symbolFamily, markup, style);

    public void Dispose()
    {
        Context.Dispose();
        _fontMap.Dispose();
    }
}

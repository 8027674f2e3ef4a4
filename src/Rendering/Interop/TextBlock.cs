using System.Text;

namespace LabCharts.Rendering.Interop;

/// <summary>One laid-out piece of Pango markup: its measured extents, its unknown-glyph count, and drawing.</summary>
internal sealed unsafe class TextBlock : IDisposable
{
    private readonly TextShaper _shaper;
    private readonly SafePangoLayoutHandle _layout;
    private readonly double _offsetX;
    private readonly double _offsetY;

    public TextBlock(TextShaper shaper, string family, string? symbolFamily, string markup, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(shaper);
        ArgumentNullException.ThrowIfNull(markup);
        _shaper = shaper;
        Markup = markup;
        _layout = PangoNative.pango_layout_new(shaper.Context);
        if (_layout.IsInvalid)
        {
            throw new InvalidOperationException("pango_layout_new returned no layout.");
        }

        using (var font = PangoNative.pango_font_description_new())
        {
            if (font.IsInvalid)
            {
                throw new InvalidOperationException("pango_font_description_new returned nothing.");
            }

            PangoNative.pango_font_description_set_family(font, family);
            PangoNative.pango_font_description_set_absolute_size(font, style.Size * PangoNative.Scale);
            PangoNative.pango_font_description_set_weight(font, style.Bold ? PangoNative.WeightBold : PangoNative.WeightNormal);
            PangoNative.pango_layout_set_font_description(_layout, font);
        }

        if (style.WrapWidth > 0)
        {
            PangoNative.pango_layout_set_width(_layout, (int)(style.WrapWidth * PangoNative.Scale));
            PangoNative.pango_layout_set_wrap(_layout, PangoNative.WrapWordChar);
        }

        PangoNative.pango_layout_set_alignment(_layout, style.Centered ? PangoNative.AlignCenter : PangoNative.AlignLeft);
        IsMarkupValid = SetMarkup(markup, symbolFamily);

        PangoNative.PangoRectangle logical;
        PangoNative.pango_layout_get_extents(_layout, null, &logical);
        _offsetX = logical.X / (double)PangoNative.Scale;
        _offsetY = logical.Y / (double)PangoNative.Scale;
        Width = logical.Width / (double)PangoNative.Scale;
        Height = logical.Height / (double)PangoNative.Scale;
        Baseline = PangoNative.pango_layout_get_baseline(_layout) / (double)PangoNative.Scale - _offsetY;
        UnknownGlyphs = PangoNative.pango_layout_get_unknown_glyphs_count(_layout);
        LineCount = PangoNative.pango_layout_get_line_count(_layout);
    }

    public string Markup { get; }

    /// <summary>The text without markup.</summary>
    public string PlainText { get; private set; } = "";

    /// <summary>False when the markup did not parse and the text is shown literally instead.</summary>
    public bool IsMarkupValid { get; }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Distance from the top of the logical box to the first line's baseline.</summary>
    public double Baseline { get; }

    public int UnknownGlyphs { get; }

    /// <summary>Lines after wrapping.</summary>
    public int LineCount { get; }

    /// <summary>Draws the text with the top-left corner of its logical box at (x, y).</summary>
    public void Draw(CairoCanvas canvas, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.MoveTo(x - _offsetX, y - _offsetY);
        PangoNative.pango_cairo_show_layout(canvas.Handle, _layout);
    }

    /// <summary>Draws the text turned 90° counter-clockwise (reading upwards) inside the box whose top-left is (x, y).</summary>
    public void DrawRotated(CairoCanvas canvas, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.Save();
        canvas.Translate(x, y + Width);
        canvas.Rotate(-Math.PI / 2);
        PangoNative.pango_cairo_update_layout(canvas.Handle, _layout);
        canvas.MoveTo(-_offsetX, -_offsetY);
        PangoNative.pango_cairo_show_layout(canvas.Handle, _layout);
        canvas.Restore();

        // The layout shares the renderer's context: give it back the untransformed matrix.
        _shaper.Attach(canvas);
    }

    public void Dispose() => _layout.Dispose();

    private bool SetMarkup(string markup, string? symbolFamily)
    {
        nint attributes = 0;
        byte* text = null;
        nint error = 0;
        var valid = PangoNative.pango_parse_markup(markup, -1, 0, &attributes, &text, null, &error) != 0;
        if (error != 0)
        {
            GLibNative.g_error_free(error);
        }

        if (valid)
        {
            var plain = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text);
            PlainText = Encoding.UTF8.GetString(plain);
            SetText(text, plain.Length, attributes, symbolFamily);
            GLibNative.g_free((nint)text);
            return true;
        }

        // Invalid markup is shown literally, exactly as typed, rather than failing the chart.
        PlainText = markup;
        var bytes = Encoding.UTF8.GetBytes(markup);
        fixed (byte* p = bytes)
        {
            SetText(p, bytes.Length, 0, symbolFamily);
        }

        return false;
    }

    private void SetText(byte* text, int length, nint attributes, string? symbolFamily)
    {
        if (attributes == 0)
        {
            attributes = PangoNative.pango_attr_list_new();
        }

        if (symbolFamily is not null)
        {
            SetSymbolFamily(new ReadOnlySpan<byte>(text, length), attributes, symbolFamily);
        }

        PangoNative.pango_layout_set_text(_layout, text, length);
        PangoNative.pango_layout_set_attributes(_layout, attributes);
        PangoNative.pango_attr_list_unref(attributes);
    }

    /// <summary>
    /// Noto Sans CJK maps ±, ×, · and ÷ to full-width glyphs (as GB 18030 does), which looks broken in
    /// "(9.79 ± 0.01)"; these characters take a Latin face's proportional glyphs instead.
    /// </summary>
    private static void SetSymbolFamily(ReadOnlySpan<byte> utf8, nint attributes, string family)
    {
        for (var i = 0; i + 1 < utf8.Length; i++)
        {
            var isSymbol = (utf8[i] == 0xC2 && utf8[i + 1] is 0xB1 or 0xB7) || (utf8[i] == 0xC3 && utf8[i + 1] is 0x97 or 0xB7);
            if (isSymbol)
            {
                var attribute = PangoNative.pango_attr_family_new(family);
                attribute->StartIndex = (uint)i;
                attribute->EndIndex = (uint)(i + 2);
                PangoNative.pango_attr_list_insert(attributes, attribute);
                i++;
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using LabCharts.Rendering.Composition;
using LabCharts.Rendering.Interop;
using LabCharts.Rendering.Png;
using LabCharts.Rendering.Report;
using LabCharts.Rendering.Svg;

namespace LabCharts.Rendering;

/// <summary>
/// Renders <see cref="Chart"/>s with Cairo and Pango using only the fonts of one folder.
/// Safe to call from several threads at once: the fontconfig configuration is shared (built once,
/// then only read), while Pango font maps and contexts — which are not thread-safe — live in a
/// pool, one per render in flight, reused across renders so their font caches stay warm.
/// </summary>
public sealed class ChartRenderer : IDisposable
{
    /// <summary>Primary family; other faces in the fonts folder fill in glyphs it lacks.</summary>
    public const string FontFamily = "Noto Sans CJK SC";

    /// <summary>Text language: Han characters take their Simplified-Chinese forms.</summary>
    public const string Language = "zh-cn";

    /// <summary>Family for ± × · ÷, which the CJK face draws full-width.</summary>
    public const string SymbolFamily = "Noto Sans";

    private const int MaxPixels = 10000;

    private readonly FontCollection _fonts;
    private readonly string _family;
    private readonly ConcurrentBag<RenderSlot> _idleSlots = [];
    private volatile bool _disposed;
    private int _shapersCreated = 1;

    /// <summary>Loads the fonts of <paramref name="fontsDirectory"/> into a private fontconfig configuration.</summary>
    public ChartRenderer(string fontsDirectory)
        : this(fontsDirectory, FontFamily)
    {
    }

    /// <summary>As above, with another font family list (Pango syntax, e.g. "Noto Sans, Noto Sans CJK SC").</summary>
    public ChartRenderer(string fontsDirectory, string fontFamily)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fontFamily);
        _family = fontFamily;
        _fonts = new FontCollection(fontsDirectory);
        _idleSlots.Add(new RenderSlot(new TextShaper(_fonts, _family, SymbolFamily, Language)));
    }

    /// <summary>The <c>fonts</c> folder copied beside the application (see LabCharts.Rendering.csproj).</summary>
    public static string DefaultFontsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "fonts");

    /// <summary>Pango contexts created so far: at most the number of renders that ever ran at once.</summary>
    public int TextContextCount => Volatile.Read(ref _shapersCreated);

    /// <summary>Number of font faces found in the fonts folder.</summary>
    public int FontFaceCount => _fonts.FaceCount;

    /// <summary>Draws the chart and encodes it in the requested format.</summary>
    public RenderedChart Render(Chart chart, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!(options.Scale > 0) || !double.IsFinite(options.Scale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "Scale must be positive.");
        }

        var width = (int)Math.Round(options.Width * options.Scale);
        var height = (int)Math.Round(options.Height * options.Scale);
        if (width is < 16 or > MaxPixels || height is < 16 or > MaxPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{width}×{height}", $"Output must be 16…{MaxPixels} pixels each way.");
        }

        return WithSlot(slot => options.Format switch
        {
            ChartFormat.Png => RenderPng(slot, chart, options, width, height),
            ChartFormat.Svg or ChartFormat.Pdf => RenderDocument(slot.Shaper, chart, options, width, height),
            _ => throw new NotSupportedException($"Format {options.Format} is not supported."),
        });
    }

    /// <summary>
    /// Lays out and draws a report (title, headings, paragraphs, 三线表 tables, charts) as an A4 PDF
    /// with page numbers. Safe to call concurrently, like <see cref="Render"/>.
    /// </summary>
    public RenderedReport RenderReport(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (document.Blocks is null || document.Blocks.Any(b => b is null))
        {
            throw new ArgumentException("A report's blocks may not be null.", nameof(document));
        }

        return WithSlot(slot => RenderReport(slot.Shaper, document));
    }

    /// <summary>Paints a chart of <paramref name="width"/> × <paramref name="height"/> onto a canvas: a whole surface, or the recording surface of a report's chart.</summary>
    internal static (IReadOnlyList<PlotArea> Panels, IReadOnlyList<TextReport> Texts) PaintChart(CairoCanvas canvas, TextShaper shaper, Chart chart, ChartStyle style, int width, int height)
    {
        shaper.Attach(canvas);
        using var context = new RenderContext(canvas, shaper, style, width, height);
        var panels = ChartPainter.Paint(context, chart);
        return (panels, context.Reports.ToArray());
    }

    /// <summary>Runs one render on a pooled slot (its Pango context is used by one render at a time).</summary>
    private T WithSlot<T>(Func<RenderSlot, T> render)
    {
        var slot = _idleSlots.TryTake(out var idle) ? idle : NewSlot();
        try
        {
            return render(slot);
        }
        finally
        {
            if (_disposed)
            {
                slot.Dispose();
            }
            else
            {
                _idleSlots.Add(slot);
            }
        }
    }

    private RenderSlot NewSlot()
    {
        Interlocked.Increment(ref _shapersCreated);
        return new RenderSlot(new TextShaper(_fonts, _family, SymbolFamily, Language));
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idleSlots.TryTake(out var slot))
        {
            slot.Dispose();
        }

        _fonts.Dispose();
    }

    private static RenderedChart RenderPng(RenderSlot slot, Chart chart, RenderOptions options, int width, int height)
    {
        var clock = Stopwatch.StartNew();
        using var surface = CairoSurface.CreateImage(width, height, slot.Pixels);
        var (panels, texts) = Draw(slot.Shaper, surface, chart, options);
        var drawTime = clock.Elapsed;

        var pixels = surface.GetPixels(out var stride);
        var bytes = options.PngPalette
            ? PngEncoder.Encode(pixels, width, height, stride, options.PngCompression, slot.PngScratch, (options.Theme ?? ChartTheme.Default).Colours, options.PngStrategy)
            : PngEncoder.EncodeRgb24(pixels, width, height, stride, options.PngCompression, slot.PngScratch, options.PngStrategy);
        return Result(bytes, "image/png", width, height, texts, panels, drawTime, clock.Elapsed - drawTime);
    }

    private static RenderedChart RenderDocument(TextShaper shaper, Chart chart, RenderOptions options, int width, int height)
    {
        var clock = Stopwatch.StartNew();
        var svg = options.Format == ChartFormat.Svg;
        (IReadOnlyList<PlotArea> Panels, IReadOnlyList<TextReport> Texts) drawn = ([], []);
        var drawTime = TimeSpan.Zero;
        var document = WriteDocument(
            output => svg ? CairoSurface.CreateSvg(output, width, height) : CairoSurface.CreatePdf(output, width, height),
            surface =>
            {
                drawn = Draw(shaper, surface, chart, options);
                drawTime = clock.Elapsed;
            });

        var bytes = svg ? SvgTextLayer.Add(SvgSurfaceIds.Normalize(document), drawn.Texts) : document;
        return Result(bytes, svg ? "image/svg+xml" : "application/pdf", width, height, drawn.Texts, drawn.Panels, drawTime, clock.Elapsed - drawTime);
    }

    private static RenderedReport RenderReport(TextShaper shaper, ReportDocument document)
    {
        ReportDrawing drawing = null!;
        var bytes = WriteDocument(
            output => CairoSurface.CreatePdf(output, ReportStyle.PageWidth, ReportStyle.PageHeight, document.Title),
            surface =>
            {
                using var canvas = new CairoCanvas(surface);
                drawing = ReportPainter.Paint(canvas, shaper, document);
            });
        return new RenderedReport(bytes, drawing.Pages, drawing.Boxes) { UnknownGlyphs = drawing.UnknownGlyphs };
    }

    /// <summary>Creates a document surface over a memory stream, draws into it, finishes it and returns the file.</summary>
    private static byte[] WriteDocument(Func<Stream, CairoSurface> create, Action<CairoSurface> draw)
    {
        using var output = new MemoryStream();
        using (var surface = create(output))
        {
            draw(surface);
            surface.Finish();
        }

        return output.ToArray();
    }

    private static (IReadOnlyList<PlotArea> Panels, IReadOnlyList<TextReport> Texts) Draw(TextShaper shaper, CairoSurface surface, Chart chart, RenderOptions options)
    {
        using var canvas = new CairoCanvas(surface);
        var style = ChartStyle.For(options.Width, options.Height, options.Scale, options.Theme ?? ChartTheme.Default);
        return PaintChart(canvas, shaper, chart, style, surface.Width, surface.Height);
    }

    private static RenderedChart Result(byte[] bytes, string contentType, int width, int height, IReadOnlyList<TextReport> texts, IReadOnlyList<PlotArea> panels, TimeSpan draw, TimeSpan encode) =>
        new(bytes, contentType, width, height, texts.Sum(t => t.UnknownGlyphs), texts)
        {
            PlotArea = panels[0],
            Panels = panels,
            DrawTime = draw,
            EncodeTime = encode,
        };
}

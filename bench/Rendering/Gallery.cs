using System.Globalization;
using System.Text;

namespace LabCharts.Rendering.Bench;

/// <summary>
/// docs/gallery: every chart kind in both themes, written by <c>bench/Rendering/gallery.sh</c>, with an
/// index (README.md). Fails when any text has an unknown glyph or leaves the image.
/// </summary>
internal static class Gallery
{
    public static int Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var old in Directory.EnumerateFiles(directory).Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal) || f.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            File.Delete(old);
        }

        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var index = new StringBuilder("# Chart gallery\n\nRegenerate with `bench/Rendering/gallery.sh` (do not edit by hand). Every chart kind, both themes (`default`, `bw`).\n\n");
        var failures = 0;
        foreach (var entry in GalleryCharts.All())
        {
            var rendered = renderer.Render(entry.Chart, entry.Options);
            var extension = entry.Options.Format switch { ChartFormat.Svg => "svg", ChartFormat.Pdf => "pdf", _ => "png" };
            var file = $"{entry.Name}.{extension}";
            File.WriteAllBytes(Path.Combine(directory, file), rendered.Bytes);
            var outside = rendered.Texts.Count(t => t.X < 0 || t.Y < 0 || t.X + t.Width > rendered.PixelWidth + 0.5 || t.Y + t.Height > rendered.PixelHeight + 0.5);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{file,-34} {rendered.PixelWidth}×{rendered.PixelHeight} {rendered.Bytes.Length / 1024.0,7:F1} KB  unknown glyphs {rendered.UnknownGlyphs}, texts outside {outside}");
            Console.WriteLine(line);
            failures += rendered.UnknownGlyphs + outside;
            index.Append(CultureInfo.InvariantCulture, $"## {entry.Name}\n\n{entry.Description} ({rendered.PixelWidth}×{rendered.PixelHeight}, theme `{entry.Options.Theme.Name}`, {rendered.Bytes.Length / 1024.0:F1} KB)\n\n");
            index.Append(extension == "png" ? $"![{entry.Name}]({file})\n\n" : $"[{file}]({file})\n\n");
        }

        File.WriteAllText(Path.Combine(directory, "README.md"), index.ToString());
        return failures == 0 ? 0 : 1;
    }
}

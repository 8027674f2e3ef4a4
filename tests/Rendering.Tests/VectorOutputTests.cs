using System.Diagnostics;
using System.Text;
using System.Xml.Linq;

namespace LabCharts.Rendering.Tests;

/// <summary>SVG and PDF output parse and carry the chart's text.</summary>
public sealed class VectorOutputTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private readonly ChartRenderer _renderer = fixture.Renderer;

    [Fact]
    public void Render_Svg_ParsesAsXmlWithSizeAndText()
    {
        var chart = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions { Format = ChartFormat.Svg });

        var svg = XDocument.Parse(Encoding.UTF8.GetString(chart.Bytes));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("1200pt", svg.Root.Attribute("width")?.Value.Replace("px", "pt", StringComparison.Ordinal));
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("单摆测重力加速度", texts);
        Assert.Contains("摆长 L / m", texts);
        Assert.Contains("T2 / s2", texts);
        Assert.Contains("残差 / s2", texts);
        Assert.Contains("g = (9.79 ± 0.01) m/s2", texts);
        Assert.NotEmpty(svg.Descendants(ns + "path"));
    }

    [Fact]
    public void Render_Pdf_HasStructureAndText()
    {
        var chart = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions { Format = ChartFormat.Pdf });
        var raw = Encoding.Latin1.GetString(chart.Bytes);

        Assert.StartsWith("%PDF-1.", raw, StringComparison.Ordinal);
        Assert.Contains("/Type /Page", raw, StringComparison.Ordinal);
        Assert.Contains("/ToUnicode", raw, StringComparison.Ordinal); // text stays extractable
        Assert.EndsWith("%%EOF", raw.TrimEnd(), StringComparison.Ordinal);

        var text = PdfToText(chart.Bytes);
        Assert.SkipWhen(text is null, "pdftotext (poppler-utils) is not installed");
        var flat = text!.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("单摆测重力加速度", flat, StringComparison.Ordinal);
        Assert.Contains("摆长", flat, StringComparison.Ordinal);
        Assert.Contains("残差", flat, StringComparison.Ordinal);
        Assert.Contains("测量值", flat, StringComparison.Ordinal);
    }

    private static string? PdfToText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"labcharts-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, UseShellExecute = false });
            var output = process!.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

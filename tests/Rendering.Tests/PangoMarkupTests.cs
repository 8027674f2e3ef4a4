namespace LabCharts.Rendering.Tests;

// The one escaper (LabCharts.Analysis.PangoMarkup) as chart callers use it.
public sealed class PangoMarkupTests
{
    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("plain 文本", "plain 文本")]
    [InlineData("\"'", "&quot;&apos;")]
    [InlineData("line\nbreak\u0007", "linebreak")]
    public void Escape_Text_EscapesMarkupCharactersAndDropsControls(string text, string expected) =>
        Assert.Equal(expected, PangoMarkup.Escape(text));
}

namespace LabCharts.Rendering.Tests;

public sealed class PangoMarkupTests
{
    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("plain 文本", "plain 文本")]
    [InlineData("\"'", "&quot;&apos;")]
    public void Escape_Text_EscapesMarkupCharacters(string text, string expected) =>
        Assert.Equal(expected, PangoMarkup.Escape(text));
}

using System.Text;

namespace LabCharts.Rendering.Report;

/// <summary>
/// Where Pango markup may be cut between two lines — after spaces, before or after a Han character
/// (not before closing punctuation such as "，" nor after opening punctuation) — and the two
/// well-formed pieces of a cut: the tags open at the cut are closed in the head and opened again in
/// the tail.
/// </summary>
internal static class MarkupBreaks
{
    private const string Closing = "，。、；：？！）》」』】〕〉”’％,.;:?!)]}%";
    private const string Opening = "（《「『【〔〈“‘([{";

    /// <summary>A cut: the head ends at <see cref="HeadEnd"/> (spaces before the cut left out), the tail starts at <see cref="TailStart"/>.</summary>
    public readonly record struct Cut(int HeadEnd, int TailStart);

    /// <summary>Every place the markup may be cut, in order.</summary>
    public static List<Cut> Find(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var glyphs = Glyphs(markup);
        var cuts = new List<Cut>();
        var lastInk = -1;
        for (var k = 0; k < glyphs.Count; k++)
        {
            var current = glyphs[k];
            if (Rune.IsWhiteSpace(current.Value))
            {
                continue;
            }

            if (lastInk >= 0)
            {
                var previous = glyphs[k - 1];
                var breaks = Rune.IsWhiteSpace(previous.Value)
                    || ((IsHan(previous.Value) || IsHan(current.Value)) && !IsIn(Closing, current.Value) && !IsIn(Opening, previous.Value));
                if (breaks)
                {
                    cuts.Add(new Cut(glyphs[lastInk].End, current.Start));
                }
            }

            lastInk = k;
        }

        return cuts;
    }

    /// <summary>The longest head that <paramref name="fits"/> (a binary search: fitting must not come back once lost) and its tail; null when not even the first piece fits.</summary>
    public static (string Head, string Tail)? LongestHead(string markup, Func<string, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var cuts = Find(markup);
        var (low, high, best) = (0, cuts.Count - 1, -1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (fits(Slice(markup, 0, cuts[middle].HeadEnd)))
            {
                best = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best < 0 ? null : (Slice(markup, 0, cuts[best].HeadEnd), Slice(markup, cuts[best].TailStart, markup.Length));
    }

    /// <summary>The pieces between cuts, which never break inside (words, single Han characters with their punctuation).</summary>
    public static IEnumerable<string> Pieces(string markup)
    {
        var start = 0;
        foreach (var cut in Find(markup))
        {
            yield return Slice(markup, start, cut.HeadEnd);
            start = cut.TailStart;
        }

        yield return Slice(markup, start, markup.Length);
    }

    /// <summary>markup[start..end] with the tags open at <paramref name="start"/> opened before it and those open at <paramref name="end"/> closed after it.</summary>
    public static string Slice(string markup, int start, int end)
    {
        var text = new StringBuilder();
        foreach (var (_, open) in OpenTags(markup, start))
        {
            text.Append(open);
        }

        text.Append(markup, start, end - start);
        var closing = OpenTags(markup, end);
        for (var i = closing.Count - 1; i >= 0; i--)
        {
            text.Append("</").Append(closing[i].Name).Append('>');
        }

        return text.ToString();
    }

    /// <summary>The visible characters: their span in the markup (an entity is one character) and value (an entity counts as a Latin letter).</summary>
    private static List<(int Start, int End, Rune Value)> Glyphs(string markup)
    {
        var glyphs = new List<(int, int, Rune)>();
        for (var i = 0; i < markup.Length;)
        {
            if (markup[i] == '<')
            {
                var close = markup.IndexOf('>', i);
                i = close < 0 ? markup.Length : close + 1;
                continue;
            }

            var semicolon = markup[i] == '&' ? markup.IndexOf(';', i) : -1;
            if (semicolon > i)
            {
                glyphs.Add((i, semicolon + 1, new Rune('a')));
                i = semicolon + 1;
                continue;
            }

            var value = Rune.TryGetRuneAt(markup, i, out var rune) ? rune : Rune.ReplacementChar;
            var length = Math.Max(1, value.Utf16SequenceLength);
            glyphs.Add((i, i + length, value));
            i += length;
        }

        return glyphs;
    }

    /// <summary>The tags open at a position outside tags, outermost first: name and opening tag as written.</summary>
    private static List<(string Name, string Open)> OpenTags(string markup, int end)
    {
        var open = new List<(string, string)>();
        for (var i = markup.IndexOf('<', 0, end); i >= 0 && i < end; i = markup.IndexOf('<', i + 1, end - i - 1))
        {
            var close = markup.IndexOf('>', i);
            if (close < 0 || close >= end)
            {
                break;
            }

            var tag = markup[i..(close + 1)];
            if (tag.StartsWith("</", StringComparison.Ordinal))
            {
                if (open.Count > 0)
                {
                    open.RemoveAt(open.Count - 1);
                }
            }
            else if (!tag.EndsWith("/>", StringComparison.Ordinal))
            {
                var name = tag[1..^1].Split([' ', '\t', '\n'], 2)[0];
                open.Add((name, tag));
            }

            i = close;
        }

        return open;
    }

    private static bool IsHan(Rune value) =>
        value.Value is (>= 0x2E80 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFFEF) or >= 0x20000;

    private static bool IsIn(string set, Rune value) => value.IsBmp && set.Contains((char)value.Value, StringComparison.Ordinal);
}

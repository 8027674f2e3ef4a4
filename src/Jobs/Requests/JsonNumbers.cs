using System.Globalization;
using System.Text.Json;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// Reads a number leniently: a JSON number, a numeric string (students paste from spreadsheets),
/// or the literals <c>"NaN"</c>/<c>"Infinity"</c>, which are kept so that validation can reject
/// them with the stable code <c>not_finite</c> instead of a generic parse error.
/// </summary>
internal static class JsonNumbers
{
    public static double Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // Out-of-range literals such as 1e999 become ±∞ and fail validation as not_finite.
                return reader.TryGetDouble(out var value)
                    ? value
                    : double.Parse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }
                throw new JsonException($"'{Truncate(text)}' is not a number.");
            default:
                throw new JsonException($"Expected a number but found {reader.TokenType}.");
        }
    }

    private static string Truncate(string text) => text.Length <= 20 ? text : text[..20] + "…";
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// <c>values</c>: each element is one number, or an array of repeated readings of that point.
/// Always written back as arrays of readings.
/// </summary>
internal sealed class ReadingsConverter : JsonConverter<List<List<double>>>
{
    public override List<List<double>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("'values' must be an array.");
        }

        var points = new List<List<double>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var readings = new List<double>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    readings.Add(ReadCell(ref reader, points.Count, readings.Count));
                }
                points.Add(readings);
            }
            else
            {
                points.Add([ReadCell(ref reader, points.Count, null)]);
            }
        }
        return points;
    }

    // One reading; a value that is not a number names its point (and reading) for the client's table.
    private static double ReadCell(ref Utf8JsonReader reader, int point, int? reading)
    {
        try
        {
            return JsonNumbers.Read(ref reader);
        }
        catch (JsonException error)
        {
            var text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!.Trim(),
                JsonTokenType.Null => "null",
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => reader.TokenType == JsonTokenType.StartObject ? "{…}" : "",
            };
            throw new ReadingFormatException(error.Message, point, reading, text.Length <= 20 ? text : text[..20] + "…");
        }
    }

    public override void Write(Utf8JsonWriter writer, List<List<double>> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var point in value)
        {
            if (point.Count == 1)
            {
                JsonNumberWriter.Write(writer, point[0]);
                continue;
            }
            writer.WriteStartArray();
            foreach (var reading in point)
            {
                JsonNumberWriter.Write(writer, reading);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }
}

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
                    readings.Add(JsonNumbers.Read(ref reader));
                }
                points.Add(readings);
            }
            else
            {
                points.Add([JsonNumbers.Read(ref reader)]);
            }
        }
        return points;
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

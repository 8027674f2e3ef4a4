using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// <c>model</c>: <c>"linear"</c>, <c>{"polynomial": 3}</c>, or
/// <c>{"expression": "...", "initial": {"a": 1}}</c> (docs/api.md).
/// </summary>
internal sealed class ModelDataConverter : JsonConverter<ModelData>
{
    public override ModelData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ModelData(reader.GetString()!.Trim());
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'model' must be a name such as \"linear\" or an object such as {\"polynomial\": 3}.");
        }

        string? kind = null;
        int? degree = null;
        string? expression = null;
        Dictionary<string, double>? initial = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "polynomial":
                    kind = "polynomial";
                    degree = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var d)
                        ? d
                        : throw new JsonException("'polynomial' must be a whole number (the degree).");
                    break;
                case "expression":
                    kind = "expression";
                    expression = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()
                        : throw new JsonException("'expression' must be a string.");
                    break;
                case "initial":
                    initial = ReadInitial(ref reader);
                    break;
                default:
                    throw new JsonException($"Unknown model property '{name}'.");
            }
        }
        return new ModelData(kind ?? throw new JsonException("'model' needs 'polynomial' or 'expression'."), degree, expression, initial);
    }

    private static Dictionary<string, double> ReadInitial(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'initial' must be an object of parameter values.");
        }
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            values[name] = JsonNumbers.Read(ref reader);
        }
        return values;
    }

    public override void Write(Utf8JsonWriter writer, ModelData value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case "polynomial":
                writer.WriteStartObject();
                writer.WriteNumber("polynomial", value.Degree ?? 0);
                writer.WriteEndObject();
                break;
            case "expression":
                writer.WriteStartObject();
                writer.WriteString("expression", value.Expression);
                if (value.Initial is { } initial)
                {
                    writer.WriteStartObject("initial");
                    foreach (var (name, number) in initial)
                    {
                        writer.WritePropertyName(name);
                        JsonNumberWriter.Write(writer, number);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.Kind);
                break;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>A single number read the lenient way (see <see cref="JsonNumbers"/>).</summary>
internal sealed class LenientDoubleConverter : JsonConverter<double?>
{
    public override bool HandleNull => true;

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonNumbers.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            JsonNumberWriter.Write(writer, number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

using System.Text.Json;

namespace LabCharts.Jobs.Requests;

/// <summary>Writes a double, using the named literals for values JSON cannot hold.</summary>
internal static class JsonNumberWriter
{
    public static void Write(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}

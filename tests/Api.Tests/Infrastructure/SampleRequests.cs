using System.Text;

namespace LabCharts.Api.Tests.Infrastructure;

/// <summary>Request bodies used across tests.</summary>
public static class SampleRequests
{
    /// <summary>The pendulum request of the README's walk-through and docs/api.md, verbatim.</summary>
    public const string Pendulum = """
        {
          "experiment": "pendulum",
          "title": "单摆测重力加速度",
          "data": {
            "L": { "values": [0.50, 0.60, 0.70, 0.80, 0.90], "unit": "m", "instrumentError": 0.0005 },
            "T": { "values": [[1.419, 1.421, 1.418], [1.553, 1.556, 1.554], [1.679, 1.677, 1.680],
                              [1.794, 1.796, 1.793], [1.903, 1.905, 1.902]], "unit": "s" }
          },
          "constants": { "g_ref": { "value": 9.794, "unit": "m/s^2" } },
          "render": { "formats": ["png"], "width": 1200, "height": 900 }
        }
        """;

    /// <summary>A custom proportional fit: y = 2x exactly, in cm.</summary>
    public const string CustomProportional = """
        {
          "experiment": "custom",
          "title": "弹簧伸长量",
          "model": "proportional",
          "data": {
            "x": { "values": [1, 2, 3, 4, 5], "label": "拉力 F" },
            "y": { "values": [2.02, 3.98, 6.01, 7.99, 10.0], "label": "伸长量 Δx" }
          }
        }
        """;

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

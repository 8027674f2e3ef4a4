namespace LabCharts.Jobs.Requests;

/// <summary>
/// A custom experiment's model: a name (<c>"linear"</c>), <c>{"polynomial": 3}</c>, or
/// <c>{"expression": "a*exp(-x/b)+c", "initial": {...}}</c>.
/// </summary>
public sealed record ModelData(string Kind, int? Degree = null, string? Expression = null, Dictionary<string, double>? Initial = null);

namespace LabCharts.Analysis;

/// <summary>One symbol of a unit with its exponent, e.g. <c>s</c>² in <c>m/s²</c>.</summary>
internal sealed record UnitTerm(string Symbol, int Exponent);

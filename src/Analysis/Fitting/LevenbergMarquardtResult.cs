namespace LabCharts.Analysis;

/// <summary>
/// Where Levenberg–Marquardt stopped: the parameters, whether it converged, the iterations used,
/// why it stopped (<c>tolerance</c>, <c>gradient</c>, <c>step</c>, <c>zero residual</c>; or
/// <c>iterations</c>, <c>stalled</c>, <c>start</c> when it failed) and Σ r² (weighted).
/// </summary>
internal sealed record LevenbergMarquardtResult(double[] Parameters, bool Converged, int Iterations, string Reason, double SumOfSquares);

namespace LabCharts.Analysis;

/// <summary>Coefficients of a linear least-squares solve, their unscaled covariance (AᵀWA)⁻¹ and the residuals y − A·b.</summary>
internal sealed record LinearSolution(double[] Coefficients, double[][] Covariance, double[] Residuals);

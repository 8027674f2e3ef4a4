namespace LabCharts.Analysis;

/// <summary>Turns an internal straight-line fit into the serialized <see cref="FitSummary"/>.</summary>
internal static class FitSummaryFactory
{
    public static FitSummary FromStraightLine(StraightLineFit fit, string model, string slopeUnit, string interceptUnit)
    {
        var parameters = new List<FitParameter> { new("k", fit.Slope, fit.SlopeError, slopeUnit) };
        if (fit.HasIntercept)
        {
            parameters.Add(new FitParameter("c", fit.Intercept, fit.InterceptError, interceptUnit));
        }

        return new FitSummary
        {
            Model = model,
            Parameters = parameters,
            Covariance = fit.Covariance,
            RSquared = fit.RSquared,
            AdjustedRSquared = fit.AdjustedRSquared,
            ChiSquared = fit.ChiSquared,
            ReducedChiSquared = fit.ReducedChiSquared,
            DegreesOfFreedom = fit.DegreesOfFreedom,
            ErrorScaling = fit.ErrorScaling,
            Residuals = fit.Residuals,
        };
    }
}

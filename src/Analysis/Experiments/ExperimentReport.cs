namespace LabCharts.Analysis;

/// <summary>
/// Turns an <see cref="ExperimentOutcome"/> into the <see cref="AnalysisResult"/> every
/// experiment returns: the serialized fit summary (with correlation and method), the quantities,
/// and chart data with the fitted curve, its 95 % bands and the annotation lines.
/// </summary>
internal static class ExperimentReport
{
    public static AnalysisResult Build(ExperimentDefinition definition, ExperimentInput input, ExperimentOutcome outcome)
    {
        var fit = outcome.Fit;
        var names = outcome.ParameterNames ?? fit.Model.Parameters;
        var parameters = names.Select((name, j) => new FitParameter(name, fit.Values[j], fit.StandardError(j), outcome.ParameterUnits[j])).ToList();
        var summary = new FitSummary
        {
            Model = outcome.ModelText,
            Parameters = parameters,
            Covariance = Finite(fit.Covariance),
            Correlation = Correlation(fit),
            RSquared = fit.RSquared,
            AdjustedRSquared = fit.AdjustedRSquared,
            ChiSquared = fit.ChiSquared,
            ReducedChiSquared = fit.ReducedChiSquared,
            DegreesOfFreedom = fit.DegreesOfFreedom,
            ErrorScaling = fit.ErrorScaling,
            Residuals = fit.Residuals,
            Method = outcome.Method,
            Iterations = fit.Iterations > 0 ? fit.Iterations : null,
        };

        var annotations = new List<string>();
        if (outcome.Equation is { } equation)
        {
            annotations.Add(equation);
        }

        annotations.Add(FitAnnotations.RSquared(fit.RSquared));
        foreach (var quantity in outcome.Quantities)
        {
            var rounded = MeasurementRounder.Round(quantity.Value, quantity.Uncertainty, input.Rounding);
            annotations.Add(rounded.ToMarkup($"<i>{PangoMarkup.Escape(quantity.Symbol)}</i>", PangoMarkup.Escape(quantity.Unit)));
            if (quantity.RelativeError is { } relativeError)
            {
                annotations.Add($"相对误差 <i>E</i>({PangoMarkup.Escape(quantity.Symbol)}) = {FitAnnotations.Percent(relativeError)}");
            }
        }

        var pointVariance = PointVariance(outcome);
        var chart = new ChartData
        {
            Title = string.IsNullOrWhiteSpace(input.Title) ? definition.NameZh : input.Title,
            XLabel = outcome.XLabel,
            YLabel = outcome.YLabel,
            Points = outcome.Points,
            Curve = fit.Evaluate,
            CurveLabel = outcome.CurveLabel,
            Annotations = annotations,
            ConfidenceBand = fit.ConfidenceHalfWidth,
            PredictionBand = x => fit.PredictionHalfWidth(x, pointVariance),
            YScale = outcome.YScale,
        };
        if (outcome.ChartOverride is { } chartOverride)
        {
            chart = chartOverride(outcome, chart);
        }

        return new AnalysisResult(summary, outcome.Quantities, chart);
    }

    // Variance of one new measurement: the residual variance for an unweighted fit; the mean σ²
    // scaled by the reduced χ² for a weighted one.
    private static double PointVariance(ExperimentOutcome outcome)
    {
        var fit = outcome.Fit;
        if (fit.DegreesOfFreedom <= 0)
        {
            return 0;
        }

        if (!fit.Weighted)
        {
            return fit.ChiSquared / fit.DegreesOfFreedom;
        }

        var meanSigmaSquared = outcome.Points.Average(p => p.YError * p.YError);
        return meanSigmaSquared * fit.ChiSquared / fit.DegreesOfFreedom;
    }

    private static double[][] Finite(double[][] matrix) =>
        [.. matrix.Select(row => row.Select(v => double.IsFinite(v) ? v : 0).ToArray())];

    private static double[][] Correlation(CurveFit fit)
    {
        var m = fit.Values.Length;
        var result = new double[m][];
        for (var i = 0; i < m; i++)
        {
            result[i] = new double[m];
            for (var j = 0; j < m; j++)
            {
                var denominator = fit.StandardError(i) * fit.StandardError(j);
                result[i][j] = i == j ? 1 : denominator > 0 ? Math.Clamp(fit.Covariance[i][j] / denominator, -1, 1) : 0;
            }
        }

        return result;
    }
}

namespace LabCharts.Analysis;

/// <summary>
/// Turns an <see cref="ExperimentOutcome"/> into the <see cref="AnalysisResult"/> every
/// experiment returns: the serialized fit summary (with correlation and method), the quantities,
/// and chart data with the fitted curve, its 95 % bands and the annotation lines.
/// </summary>
internal static class ExperimentReport
{
    /// <summary>|Standardized residual| above which a point is flagged (drawn hollow, never dropped).</summary>
    public const double ResidualLimit = 3;

    public static AnalysisResult Build(ValidatedInput run, ExperimentOutcome outcome, ExperimentOutcome? other)
    {
        var definition = run.Entry.Definition;
        var input = run.Input;
        var fit = outcome.Fit;
        var quantities = Present(outcome, outcome.Quantities);
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
        foreach (var quantity in quantities)
        {
            var expanded = quantity.Budget?.Expanded;
            var rounded = MeasurementRounder.Round(quantity.Value, expanded?.Uncertainty ?? quantity.Uncertainty, input.Rounding);
            var line = rounded.ToMarkup($"<i>{PangoMarkup.Escape(quantity.Symbol)}</i>", PangoMarkup.Escape(quantity.Unit));
            annotations.Add(expanded is null ? line : line + " " + PangoMarkup.Escape(DerivedQuantityFactory.ExpandedSuffix(expanded.Level, expanded.K)));
            if (quantity.RelativeError is { } relativeError)
            {
                annotations.Add($"相对误差 <i>E</i>({PangoMarkup.Escape(quantity.Symbol)}) = {FitAnnotations.Percent(relativeError)}");
            }
        }

        var pointVariance = PointVariance(outcome);
        var fitted = Fitted(outcome, pointVariance);
        var flagged = outcome.FitSpace is null
            ? fitted?.Points.Select((p, i) => (p, i)).Where(t => t.p.Flagged).Select(t => outcome.Points[t.i]).ToArray() ?? []
            : [];
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
            FlaggedPoints = flagged,
        };
        if (outcome.Marks.Count > 0)
        {
            chart = chart with
            {
                MarkedPoints = [.. outcome.Marks.Select(m => m.Point)],
                MarkedPointTexts = [.. outcome.Marks.Select(m => m.Label)],
                MarkedPointsLabel = outcome.MarksLabel,
            };
        }

        if (outcome.ChartOverride is { } chartOverride)
        {
            chart = chartOverride(outcome, chart);
        }

        return new AnalysisResult(summary, quantities, chart)
        {
            Data = new ProcessedData(Columns(run), fitted ?? new FittedPoints(PlainLabel(outcome.XLabel), PlainLabel(outcome.YLabel), [])),
            Outliers = run.Outliers,
            Notes = [.. run.Notes],
            Differences = outcome.Differences ?? other?.Differences,
            Comparison = other is null ? null : [Compared(outcome, quantities), Compared(other, Present(other, other.Quantities))],
            Convention = Convention(input.Uncertainty, zh: true),
            ConventionEn = Convention(input.Uncertainty, zh: false),
        };
    }

    // Quantities left out for a missing constant are null in the outcome (their note is on the input).
    private static IReadOnlyList<DerivedQuantity> Present(ExperimentOutcome outcome, IReadOnlyList<DerivedQuantity?> quantities) =>
        [.. quantities.OfType<DerivedQuantity>().Select(q => Named(outcome, q))];

    // Budget lines of fit parameters carry the model's names (k, tau …): give them the outcome's names and units.
    private static DerivedQuantity Named(ExperimentOutcome outcome, DerivedQuantity quantity)
    {
        if (quantity.Budget is not { } budget)
        {
            return quantity;
        }

        var model = outcome.Fit.Model.Parameters;
        var names = outcome.ParameterNames ?? model;
        var terms = budget.Terms.Select(term =>
        {
            var j = term.Kind == "parameter" ? model.ToList().IndexOf(term.Symbol) : -1;
            return j < 0 ? term : term with { Symbol = names[j], Unit = outcome.ParameterUnits[j] };
        });
        return quantity with { Budget = budget with { Terms = [.. terms] } };
    }

    private static MethodComparison Compared(ExperimentOutcome outcome, IReadOnlyList<DerivedQuantity> quantities) => new(
        outcome.Differences is null ? LineMethods.LeastSquares : LineMethods.SuccessiveDifferences,
        new FitParameter((outcome.ParameterNames ?? outcome.Fit.Model.Parameters)[0], outcome.Fit.Values[0], outcome.Fit.StandardError(0), outcome.ParameterUnits[0]),
        quantities);

    private static ProcessedColumn[] Columns(ValidatedInput run) =>
        [.. run.Entry.Definition.Columns
            .Where(c => run.Reading.Columns.ContainsKey(c.Key))
            .Select(c => (Definition: c, Column: run.Reading.Columns[c.Key]))
            .Select(t => new ProcessedColumn(t.Definition.Key, t.Definition.NameZh, t.Definition.NameEn, t.Column.Unit.SiText, t.Column.Points))];

    /// <summary>
    /// The fitted points with residuals and internally standardized residuals r/√(σ² − gᵀCg) (σ² the
    /// point's variance: its σ² for a weighted fit, the residual variance otherwise; gᵀCg the fit's
    /// variance at x, so a point's own pull on the curve is allowed for), or the fitter's own residual
    /// variances (逐差法, York). In the fit's space (<see cref="ExperimentOutcome.FitSpace"/>: the diode's
    /// ln I); null when the residuals are not those points.
    /// </summary>
    private static FittedPoints? Fitted(ExperimentOutcome outcome, double pointVariance)
    {
        var fit = outcome.Fit;
        var space = outcome.FitSpace ?? new FitSpace(outcome.Points, outcome.XLabel, outcome.YLabel);
        if (fit.Residuals.Length != space.Points.Count)
        {
            return null;
        }

        var points = space.Points.Select((p, i) =>
        {
            var variance = fit.ResidualVariances is { } given ? given[i]
                : (fit.Weighted ? p.YError * p.YError : pointVariance) - fit.Variance(p.X);
            double? z = fit.DegreesOfFreedom > 0 && variance > 0 ? fit.Residuals[i] / Math.Sqrt(variance) : null;
            z = z is { } value && double.IsFinite(value) ? value : null;
            return new FittedPoint(p.X, p.XError, p.Y, p.YError, fit.Residuals[i], z, z is { } zz && Math.Abs(zz) > ResidualLimit);
        });
        return new FittedPoints(PlainLabel(space.XLabel), PlainLabel(space.YLabel), [.. points]);
    }

    /// <summary>A markup label as plain text: tags dropped, <c>&lt;sup&gt;2&lt;/sup&gt;</c> as ², entities decoded.</summary>
    internal static string PlainLabel(string markup) => PangoMarkup.ToPlainText(markup);

    /// <summary>The convention in a lab report's words.</summary>
    private static string Convention(UncertaintyConvention convention, bool zh)
    {
        var level = convention.TypeALevel.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var typeA = convention.TypeA == TypeAEstimate.StudentT
            ? zh ? $"A 类不确定度 u_A = t_p(n−1)·s/√n（P = {level}）" : $"type A u_A = t_p(n−1)·s/√n (P = {level})"
            : zh ? "A 类不确定度 u_A = s/√n" : "type A u_A = s/√n";
        var typeB = zh ? "B 类不确定度 u_B = Δ仪/√3" : "type B u_B = Δ/√3";
        var combined = zh ? "合成 u_C = √(u_A² + u_B²)" : "combined u_C = √(u_A² + u_B²)";
        var expanded = convention.ExpandedLevel is { } p
            ? (zh ? "；扩展不确定度 U = k·u_C（" : "; expanded U = k·u_C (")
                + (convention.CoverageFactor is { } k
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"k = {k:0.###}")
                    : zh ? "k = t_p(ν_eff)" : "k = t_p(ν_eff)")
                + string.Create(System.Globalization.CultureInfo.InvariantCulture, $", P = {p:0.###}") + (zh ? "）" : ")")
            : "";
        return zh ? $"{typeA}；{typeB}；{combined}{expanded}" : $"{typeA}; {typeB}; {combined}{expanded}";
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

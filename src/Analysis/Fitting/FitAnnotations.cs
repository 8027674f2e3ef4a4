using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>The chart annotation lines every straight-line experiment shows: the fitted equation and R².</summary>
internal static class FitAnnotations
{
    /// <summary>
    /// <c>&lt;i&gt;T&lt;/i&gt;&lt;sup&gt;2&lt;/sup&gt; = 4.031&lt;i&gt;L&lt;/i&gt; − 0.003</c>: each parameter shows the digits its uncertainty allows.
    /// </summary>
    public static string Equation(string yMarkup, string xMarkup, StraightLineFit fit, UncertaintyRounding rounding)
    {
        var slope = MeasurementRounder.Round(fit.Slope, fit.SlopeError, rounding).ValueOnlyMarkup;
        var line = $"{yMarkup} = {slope} {xMarkup}";
        if (!fit.HasIntercept)
        {
            return line;
        }

        var intercept = MeasurementRounder.Round(Math.Abs(fit.Intercept), fit.InterceptError, rounding).ValueOnlyMarkup;
        return $"{line} {(fit.Intercept < 0 ? "\u2212" : "+")} {intercept}";
    }

    /// <summary>The same for a line held as a <see cref="CurveFit"/> with parameters (k[, c]).</summary>
    public static string Equation(string yMarkup, string xMarkup, CurveFit fit, UncertaintyRounding rounding)
    {
        var slope = MeasurementRounder.Round(fit.Values[0], fit.StandardError(0), rounding).ValueOnlyMarkup;
        var line = $"{yMarkup} = {slope} {xMarkup}";
        if (fit.Values.Length < 2)
        {
            return line;
        }

        var intercept = MeasurementRounder.Round(Math.Abs(fit.Values[1]), fit.StandardError(1), rounding).ValueOnlyMarkup;
        return $"{line} {(fit.Values[1] < 0 ? "\u2212" : "+")} {intercept}";
    }

    /// <summary>
    /// <c>&lt;i&gt;R&lt;/i&gt;&lt;sup&gt;2&lt;/sup&gt; = 0.99998</c>: at least four decimals, more while the rounded value would read 1.
    /// </summary>
    public static string RSquared(double rSquared)
    {
        var decimals = 4;
        while (decimals < 10 && rSquared < 1 && Math.Round(rSquared, decimals) >= 1)
        {
            decimals++;
        }

        var text = rSquared.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return $"<i>R</i><sup>2</sup> = {text}";
    }

    /// <summary>Relative error as a percentage with two significant figures, e.g. <c>0.062%</c>.</summary>
    public static string Percent(double fraction)
    {
        var percent = fraction * 100;
        return percent.ToString(percent >= 1 ? "0.0" : "G2", CultureInfo.InvariantCulture) + "%";
    }
}

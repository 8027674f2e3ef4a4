using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>
/// Rounds a result the way Chinese university physics labs report it (docs/architecture.md,
/// "Uncertainty and rounding"): the uncertainty keeps one significant figure, two when its first
/// significant digit is 1 or 2; the value is rounded to the same decimal place; rounding is half to even
/// (四舍六入五凑偶), or for the uncertainty optionally always up (只进不舍). All of it is done in
/// <see cref="decimal"/> on the numbers as printed, never on binary doubles.
/// </summary>
public static class MeasurementRounder
{
    // Outside 10⁻³ ≤ |x| < 10⁴ the result is written with a power-of-ten factor.
    private const int LargestPlainExponent = 3;
    private const int SmallestPlainExponent = -3;

    // decimal holds 28–29 digits; the value may not need more digits than that at the rounding place.
    private const int MaxDigitsAboveRoundingPlace = 27;

    private const double NoiseLevel = 1e-12;

    /// <summary>
    /// Rounds <paramref name="value"/> ± <paramref name="uncertainty"/>; both finite, uncertainty ≥ 0.
    /// An uncertainty of 0 (or below 10⁻¹² of the value) leaves the value with four significant
    /// figures and no ±.
    /// </summary>
    public static RoundedMeasurement Round(double value, double uncertainty, UncertaintyRounding rounding = UncertaintyRounding.HalfEven)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value must be finite.");
        }

        if (!double.IsFinite(uncertainty) || uncertainty < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(uncertainty), uncertainty, "The uncertainty must be finite and non-negative.");
        }

        // Below 10⁻¹² of the value an uncertainty is the floating-point noise of an exact fit,
        // not a measurement: printing it would give sixteen meaningless decimals.
        if (uncertainty == 0 || uncertainty <= NoiseLevel * Math.Abs(value))
        {
            return RoundWithoutUncertainty(value);
        }

        var u = DecimalDigits.Of(uncertainty);
        var significantFigures = u.LeadingDigit <= 2 ? 2 : 1;
        var place = u.Exponent - significantFigures + 1;
        if (value != 0)
        {
            place = Math.Max(place, DecimalDigits.Of(value).Exponent - MaxDigitsAboveRoundingPlace);
        }

        var uScaled = u.ScaledTo(place);
        var uInteger = rounding == UncertaintyRounding.Up
            ? decimal.Ceiling(uScaled)
            : decimal.Round(uScaled, 0, MidpointRounding.ToEven);

        // 0.0098 is one significant figure, 0.01, not 0.010: when rounding carries into a new
        // digit the rounding place moves up one.
        if (uInteger >= Pow10(significantFigures))
        {
            uInteger /= 10m;
            place++;
        }

        var vInteger = value == 0 ? 0m : decimal.Round(DecimalDigits.Of(value).ScaledTo(place), 0, MidpointRounding.ToEven);
        return Compose(value < 0 ? -vInteger : vInteger, uInteger, place);
    }

    private static RoundedMeasurement RoundWithoutUncertainty(double value)
    {
        if (value == 0)
        {
            return new RoundedMeasurement("0", null, null, 0);
        }

        const int significantFigures = 4;
        var v = DecimalDigits.Of(value);
        var place = v.Exponent - significantFigures + 1;
        var vInteger = decimal.Round(v.ScaledTo(place), 0, MidpointRounding.ToEven);
        var composed = Compose(value < 0 ? -vInteger : vInteger, 0m, place);
        return composed with { UncertaintyText = null };
    }

    // valueDigits and uncertaintyDigits are integers counting units of 10^place.
    private static RoundedMeasurement Compose(decimal valueDigits, decimal uncertaintyDigits, int place)
    {
        var leading = valueDigits != 0 ? valueDigits : uncertaintyDigits;
        var leadingExponent = leading == 0 ? place : DigitCount(leading) - 1 + place;
        var usePowerOfTen = leadingExponent > LargestPlainExponent || leadingExponent < SmallestPlainExponent || place > 0;
        var shownPlace = usePowerOfTen ? place - leadingExponent : place;
        var decimals = Math.Max(0, -shownPlace);
        return new RoundedMeasurement(
            FormatNumber(valueDigits, shownPlace, decimals),
            FormatNumber(uncertaintyDigits, shownPlace, decimals),
            usePowerOfTen ? leadingExponent : null,
            place);
    }

    private static string FormatNumber(decimal digits, int place, int decimals)
    {
        var number = DecimalDigits.Shift(Math.Abs(digits), place);
        var text = number.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        // U+2212: a real minus sign, as typeset results use.
        return digits < 0 ? "\u2212" + text : text;
    }

    private static decimal Pow10(int exponent) => DecimalDigits.Shift(1m, exponent);

    private static int DigitCount(decimal integer)
    {
        var count = 1;
        for (var rest = Math.Abs(integer); rest >= 10m; rest = decimal.Truncate(rest / 10m))
        {
            count++;
        }

        return count;
    }
}

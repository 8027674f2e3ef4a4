namespace LabCharts.Analysis;

/// <summary>
/// Exponents of the SI base dimensions (length, mass, time, current, temperature, amount, luminous
/// intensity) plus plane angle, which is kept apart so that degrees are never mistaken for a
/// number and <c>rad/s</c> is not confused with <c>Hz</c>.
/// </summary>
internal readonly record struct Dimension(int Length, int Mass, int Time, int Current, int Temperature, int Amount, int Luminosity, int Angle)
{
    public static Dimension None => default;

    public static Dimension operator *(Dimension a, Dimension b) => new(
        a.Length + b.Length, a.Mass + b.Mass, a.Time + b.Time, a.Current + b.Current,
        a.Temperature + b.Temperature, a.Amount + b.Amount, a.Luminosity + b.Luminosity, a.Angle + b.Angle);

    public Dimension Pow(int exponent) => new(
        Length * exponent, Mass * exponent, Time * exponent, Current * exponent,
        Temperature * exponent, Amount * exponent, Luminosity * exponent, Angle * exponent);
}

namespace LabCharts.Analysis;

/// <summary>
/// An unevaluated sum hi + lo of two doubles: about 32 significant digits (Dekker 1971, the
/// QD library's "double-double"). The linear least-squares solver works in it so that the NIST
/// problems whose certified values need more than double precision (Wampler4/5, Filip) keep
/// their digits.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static DoubleDouble Zero => default;

    public static implicit operator DoubleDouble(double value) => new(value, 0);

    public static explicit operator double(DoubleDouble value) => value.Hi + value.Lo;

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s, e) = TwoSum(a.Hi, b.Hi);
        var (t, f) = TwoSum(a.Lo, b.Lo);
        e += t;
        (s, e) = QuickTwoSum(s, e);
        e += f;
        return FromSum(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p = a.Hi * b.Hi;
        var e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        e += (a.Hi * b.Lo) + (a.Lo * b.Hi);
        return FromSum(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        // Long division: one double quotient, then two corrections from the remainder.
        var q1 = a.Hi / b.Hi;
        var r = a - (b * q1);
        var q2 = r.Hi / b.Hi;
        r -= b * q2;
        var q3 = r.Hi / b.Hi;
        return FromSum(q1, q2) + q3;
    }

    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (a.Hi <= 0)
        {
            return Zero;
        }

        // One Newton step from the double square root doubles the digits.
        var x = Math.Sqrt(a.Hi);
        var square = (DoubleDouble)x * x;
        return (DoubleDouble)x + ((a - square).Hi * (0.5 / x));
    }

    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0 ? -a : a;

    public static DoubleDouble Add(DoubleDouble a, DoubleDouble b) => a + b;

    public static DoubleDouble Subtract(DoubleDouble a, DoubleDouble b) => a - b;

    public static DoubleDouble Multiply(DoubleDouble a, DoubleDouble b) => a * b;

    public static DoubleDouble Divide(DoubleDouble a, DoubleDouble b) => a / b;

    public static DoubleDouble Negate(DoubleDouble a) => -a;

    private static DoubleDouble FromSum(double a, double b)
    {
        var (s, e) = QuickTwoSum(a, b);
        return new DoubleDouble(s, e);
    }

    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static (double Sum, double Error) QuickTwoSum(double a, double b)
    {
        var s = a + b;
        return (s, b - (s - a));
    }
}

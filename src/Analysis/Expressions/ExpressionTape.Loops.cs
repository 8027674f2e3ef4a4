namespace LabCharts.Analysis;

internal sealed partial class ExpressionTape
{
    /// <summary>The loops over the points: one per operation and operand shape, specialised per operator by the JIT.</summary>
    private static class Loops
    {
        public interface IOperator
        {
            static abstract double Apply(double a, double b);
        }

        public static void Run<T>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
            where T : struct, IOperator
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = T.Apply(a[i], b[i]);
            }
        }

        public static void Run<T>(ReadOnlySpan<double> a, double b, Span<double> result)
            where T : struct, IOperator
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = T.Apply(a[i], b);
            }
        }

        public static void Run<T>(double a, ReadOnlySpan<double> b, Span<double> result)
            where T : struct, IOperator
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = T.Apply(a, b[i]);
            }
        }

        public static void Negate(ReadOnlySpan<double> a, Span<double> result)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = -a[i];
            }
        }

        public static void Apply(Func<double, double> function, ReadOnlySpan<double> a, Span<double> result)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = function(a[i]);
            }
        }

        public readonly struct Add : IOperator
        {
            public static double Apply(double a, double b) => a + b;
        }

        public readonly struct Subtract : IOperator
        {
            public static double Apply(double a, double b) => a - b;
        }

        public readonly struct Multiply : IOperator
        {
            public static double Apply(double a, double b) => a * b;
        }

        public readonly struct Divide : IOperator
        {
            public static double Apply(double a, double b) => a / b;
        }

        public readonly struct Power : IOperator
        {
            public static double Apply(double a, double b) => BinaryNode.Power(a, b);
        }
    }
}

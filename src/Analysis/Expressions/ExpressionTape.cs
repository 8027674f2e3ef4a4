using System.Runtime.InteropServices;

namespace LabCharts.Analysis;

/// <summary>
/// Expression trees flattened into one list of instructions, each a node shared by every tree
/// that contains it (the model and its derivatives repeat <c>exp(-b2*x)</c> and the like), run
/// over all points at once: one loop per instruction instead of a virtual call per node and point.
/// Parts that do not involve x (<c>-1/b3</c>, a parameter's square) run once per parameter vector.
/// Every instruction does what the tree node does, in the same order, so the results are the
/// tree's to the bit. Still no code generation: user text only ever selects among fixed loops.
/// </summary>
internal sealed partial class ExpressionTape
{
    private readonly Instruction[] _instructions;
    private readonly int[] _roots;
    private readonly int _columns;

    private ExpressionTape(Instruction[] instructions, int[] roots, int columns)
    {
        _instructions = instructions;
        _roots = roots;
        _columns = columns;
    }

    private enum Op : byte
    {
        X,
        Constant,
        Parameter,
        Negate,
        Add,
        Subtract,
        Multiply,
        Divide,
        Power,
        Function,
    }

    /// <summary>The number of instructions, after common parts were merged.</summary>
    public int Length => _instructions.Length;

    /// <summary>Flattens <paramref name="roots"/>; their values come out in this order.</summary>
    public static ExpressionTape Compile(IReadOnlyList<ExpressionNode> roots)
    {
        var builder = new Builder();
        var outputs = roots.Select(builder.Emit).ToArray();
        var columns = builder.AssignColumns(outputs);
        return new ExpressionTape([.. builder.Instructions], outputs, columns);
    }

    /// <summary>Work arrays to run the tape over the points <paramref name="x"/>.</summary>
    public Workspace Bind(double[] x) => new(this, x);

    /// <summary>The work arrays of one tape for one set of points: not shared between threads.</summary>
    internal sealed class Workspace
    {
        private readonly ExpressionTape _tape;
        private readonly double[] _x;
        private readonly double[] _scalars;
        private readonly double[] _vectors;

        public Workspace(ExpressionTape tape, double[] x)
        {
            _tape = tape;
            _x = x;
            _scalars = new double[tape._instructions.Length];
            _vectors = new double[tape._columns * x.Length];
        }

        /// <summary>Root k at point i into <paramref name="output"/>[k·n + i].</summary>
        public void Run(ReadOnlySpan<double> parameters, Span<double> output)
        {
            var n = _x.Length;
            var instructions = _tape._instructions;
            for (var k = 0; k < instructions.Length; k++)
            {
                ref readonly var instruction = ref instructions[k];
                if (instruction.Column < 0)
                {
                    _scalars[k] = Scalar(instruction, parameters);
                }
                else if (instruction.Op != Op.X)
                {
                    Vector(instruction, Column(instruction.Column));
                }
            }

            var roots = _tape._roots;
            for (var k = 0; k < roots.Length; k++)
            {
                var target = output.Slice(k * n, n);
                var column = instructions[roots[k]].Column;
                if (column < 0)
                {
                    target.Fill(_scalars[roots[k]]);
                }
                else
                {
                    Operand(roots[k]).CopyTo(target);
                }
            }
        }

        private double Scalar(in Instruction instruction, ReadOnlySpan<double> parameters) => instruction.Op switch
        {
            Op.Constant => instruction.Constant,
            Op.Parameter => parameters[instruction.A],
            Op.Negate => -_scalars[instruction.A],
            Op.Function => instruction.Function!(_scalars[instruction.A]),
            _ => BinaryNode.Apply(Operator(instruction.Op), _scalars[instruction.A], _scalars[instruction.B]),
        };

        private void Vector(in Instruction instruction, Span<double> result)
        {
            switch (instruction.Op)
            {
                case Op.Negate:
                    Loops.Negate(Operand(instruction.A), result);
                    break;
                case Op.Function:
                    Loops.Apply(instruction.Function!, Operand(instruction.A), result);
                    break;
                case Op.Add:
                    Binary<Loops.Add>(instruction, result);
                    break;
                case Op.Subtract:
                    Binary<Loops.Subtract>(instruction, result);
                    break;
                case Op.Multiply:
                    Binary<Loops.Multiply>(instruction, result);
                    break;
                case Op.Divide:
                    Binary<Loops.Divide>(instruction, result);
                    break;
                default:
                    Binary<Loops.Power>(instruction, result);
                    break;
            }
        }

        private void Binary<T>(in Instruction instruction, Span<double> result)
            where T : struct, Loops.IOperator
        {
            var (a, b) = (instruction.A, instruction.B);
            if (_tape._instructions[a].Column < 0)
            {
                Loops.Run<T>(_scalars[a], Operand(b), result);
            }
            else if (_tape._instructions[b].Column < 0)
            {
                Loops.Run<T>(Operand(a), _scalars[b], result);
            }
            else
            {
                Loops.Run<T>(Operand(a), Operand(b), result);
            }
        }

        private ReadOnlySpan<double> Operand(int instruction) =>
            _tape._instructions[instruction].Op == Op.X ? _x : Column(_tape._instructions[instruction].Column);

        private Span<double> Column(int column) => _vectors.AsSpan(column * _x.Length, _x.Length);
    }

    private static char Operator(Op op) => op switch
    {
        Op.Add => '+',
        Op.Subtract => '-',
        Op.Multiply => '*',
        Op.Divide => '/',
        _ => '^',
    };

    /// <summary>
    /// One node: its operands by instruction index, and the work column holding its values over
    /// the points (−1 for a value that does not depend on x).
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    private record struct Instruction(Op Op, int A, int B, double Constant, Func<double, double>? Function)
    {
        public int Column { get; set; }
    }

    private sealed class Builder
    {
        private readonly Dictionary<(Op, int, int, long, string?), int> _seen = [];
        private readonly List<bool> _varies = [];
        private readonly Dictionary<ExpressionNode, int> _emitted = new(ReferenceEqualityComparer.Instance);

        public List<Instruction> Instructions { get; } = [];

        // The derivative trees share subtrees (the product rule reuses both factors): each is walked once.
        public int Emit(ExpressionNode node)
        {
            if (!_emitted.TryGetValue(node, out var index))
            {
                index = EmitNew(node);
                _emitted.Add(node, index);
            }

            return index;
        }

        private int EmitNew(ExpressionNode node) => node switch
        {
            VariableNode => Add(Op.X, -1, -1),
            NumberNode n => Add(Op.Constant, -1, -1, n.Value),
            ParameterNode p => Add(Op.Parameter, p.Index, -1),
            NegateNode n => Add(Op.Negate, Emit(n.Operand), -1),
            FunctionNode f => Add(Op.Function, Emit(f.Argument), -1, function: f.Name),
            BinaryNode b => Add(
                b.Operator switch { '+' => Op.Add, '-' => Op.Subtract, '*' => Op.Multiply, '/' => Op.Divide, _ => Op.Power },
                Emit(b.Left),
                Emit(b.Right)),
            _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
        };

        /// <summary>
        /// Gives every x-dependent instruction a work column, reusing a column once its last reader
        /// has run (roots are read at the end, so theirs are never reused); returns the column count.
        /// </summary>
        public int AssignColumns(int[] roots)
        {
            var lastUse = new int[Instructions.Count];
            for (var k = 0; k < Instructions.Count; k++)
            {
                lastUse[k] = k;
                foreach (var operand in (ReadOnlySpan<int>)[Instructions[k].A, Instructions[k].B])
                {
                    if (operand >= 0 && Instructions[k].Op != Op.Parameter)
                    {
                        lastUse[operand] = k;
                    }
                }
            }

            foreach (var root in roots)
            {
                lastUse[root] = int.MaxValue;
            }

            var free = new Stack<int>();
            var columns = 0;
            for (var k = 0; k < Instructions.Count; k++)
            {
                var instruction = Instructions[k];
                instruction.Column = !_varies[k] ? -1 : instruction.Op == Op.X ? int.MaxValue : free.Count > 0 ? free.Pop() : columns++;
                Instructions[k] = instruction;

                // Operands whose last reader is this instruction free their columns for later ones
                // (not for this one: an operand may be read while the result is written only
                // element by element, which is safe, but keeping them apart is simpler to trust).
                foreach (var operand in (ReadOnlySpan<int>)[instruction.A, instruction.B == instruction.A ? -1 : instruction.B])
                {
                    if (operand >= 0 && instruction.Op != Op.Parameter && lastUse[operand] == k && Instructions[operand].Column is >= 0 and not int.MaxValue)
                    {
                        free.Push(Instructions[operand].Column);
                    }
                }
            }

            return columns;
        }

        private int Add(Op op, int a, int b, double constant = 0, string? function = null)
        {
            var key = (op, a, b, BitConverter.DoubleToInt64Bits(constant), function);
            if (_seen.TryGetValue(key, out var index))
            {
                return index;
            }

            var varies = op == Op.X || (op != Op.Parameter && ((a >= 0 && _varies[a]) || (b >= 0 && _varies[b])));
            Instructions.Add(new Instruction(op, a, b, constant, function is null ? null : ExpressionFunctions.Function(function)));
            _varies.Add(varies);
            _seen.Add(key, Instructions.Count - 1);
            return Instructions.Count - 1;
        }
    }
}

using System.Runtime.CompilerServices;

// The tests check internal pieces (unit parser, fitter, input reader) directly.
[assembly: InternalsVisibleTo("LabCharts.Analysis.Tests")]

// bench/Nist drives the fitters directly, as the tests do.
[assembly: InternalsVisibleTo("LabCharts.Bench.Nist")]

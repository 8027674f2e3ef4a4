using System.Globalization;
using LabCharts.Rendering.Bench;

// bench/Rendering: timing, memory and gallery modes for the chart engine (see run.sh and gallery.sh).
var mode = args.Length > 0 ? args[0] : "bench";
var rest = args.Skip(1).ToArray();
return mode switch
{
    "data" => WriteData(rest),
    "bench" => RenderTiming.Run(Option(rest, "--iterations", 300), Option(rest, "--rounds", 5), Text(rest, "--out")),
    "memory" => MemoryCheck.Run(Option(rest, "--renders", 10_000), Text(rest, "--format"), Option(rest, "--threads", 2)),
    "gallery" => Gallery.Write(rest.Length > 0 ? rest[0] : "docs/gallery"),
    "png" => PngStudy.Run(Option(rest, "--iterations", 60)),
    _ => Usage(),
};

static int WriteData(string[] rest)
{
    File.WriteAllText(rest.Length > 0 ? rest[0] : "typical.json", TypicalLabChart.Create().ToJson());
    return 0;
}

static int Option(string[] rest, string name, int fallback)
{
    var i = Array.IndexOf(rest, name);
    return i >= 0 && i + 1 < rest.Length ? int.Parse(rest[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string? Text(string[] rest, string name)
{
    var i = Array.IndexOf(rest, name);
    return i >= 0 && i + 1 < rest.Length ? rest[i + 1] : null;
}

static int Usage()
{
    Console.Error.WriteLine("usage: bench [--iterations N] [--rounds R] [--out file.png] | png [--iterations N] | memory [--renders N] | gallery <dir> | data <file.json>");
    return 2;
}

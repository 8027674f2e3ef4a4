using System.Text.Json;
using System.Text.Json.Serialization;
using LabCharts.Analysis;
using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Views;

namespace LabCharts.Jobs;

/// <summary>Source-generated JSON for everything LabCharts stores or sends: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(JobRequest))]
[JsonSerializable(typeof(JobRecord))]
[JsonSerializable(typeof(JobView))]
[JsonSerializable(typeof(JobAccepted))]
[JsonSerializable(typeof(JobPage))]
[JsonSerializable(typeof(JobMessage))]
[JsonSerializable(typeof(JobEvent))]
[JsonSerializable(typeof(BatchRecord))]
[JsonSerializable(typeof(BatchFilter))]
[JsonSerializable(typeof(BatchLease))]
[JsonSerializable(typeof(BatchProgress))]
[JsonSerializable(typeof(IReadOnlyList<BatchJob>))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(RerenderBody))]
[JsonSerializable(typeof(BatchView))]
[JsonSerializable(typeof(BatchPage))]
[JsonSerializable(typeof(BatchAccepted))]
[JsonSerializable(typeof(BatchDryRun))]
[JsonSerializable(typeof(IReadOnlyList<ExperimentDefinition>))]
[JsonSerializable(typeof(PingAnswer))]
public sealed partial class LabChartsJson : JsonSerializerContext;

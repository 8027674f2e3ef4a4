using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs.S3;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>The storage contract against a real S3-compatible server (s3rver, started by test.sh).</summary>
public sealed class S3ObjectStoreContractTests : ObjectStoreContract, IDisposable
{
    private readonly Lazy<S3ObjectStore> _store = new(() => new S3ObjectStore(Options.Create(S3Settings.ForTests())));

    protected override IObjectStore Store => _store.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}

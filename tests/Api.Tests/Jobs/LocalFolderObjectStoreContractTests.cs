using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

public sealed class LocalFolderObjectStoreContractTests : ObjectStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "labcharts-contract", Guid.NewGuid().ToString("N"));

    public LocalFolderObjectStoreContractTests() =>
        Store = new LocalFolderObjectStore(Options.Create(new LocalStorageOptions { Root = _root }));

    protected override IObjectStore Store { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

using LabCharts.Jobs.Identity;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;

namespace LabCharts.Api.Tests;

public sealed class StorageKeyTests
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    [InlineData("学生")]
    [InlineData("a\\b")]
    public void IsSafeSegment_Unsafe_False(string segment) => Assert.False(StorageKey.IsSafeSegment(segment));

    [Theory]
    [InlineData("jobs/../secret")]
    [InlineData("/jobs/a")]
    [InlineData("jobs//a")]
    [InlineData("jobs/a/")]
    public void TryParse_Traversal_False(string key) => Assert.False(StorageKey.TryParse(key, out _));

    [Fact]
    public void Of_UnsafeSegment_Throws() => Assert.Throws<ArgumentException>(() => StorageKey.Of("jobs", "..", "x"));

    [Fact]
    public void JobId_New_IsValidAndSortsByTime()
    {
        var earlier = JobId.New(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var later = JobId.New(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_001));
        Assert.True(JobId.IsValid(earlier));
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
        Assert.False(JobId.IsValid(earlier.ToUpperInvariant() + "Z"));
    }

    [Fact]
    public void Caller_Owner_DependsOnAppAndOpenIdAndIsSafe()
    {
        var a = new Caller("app1", "../../x").Owner;
        var b = new Caller("app2", "../../x").Owner;
        Assert.NotEqual(a, b);
        Assert.True(StorageKey.IsSafeSegment(a));
    }
}

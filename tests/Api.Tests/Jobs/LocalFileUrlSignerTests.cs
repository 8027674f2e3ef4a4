using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

public sealed class LocalFileUrlSignerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private static LocalFileUrlSigner Signer(ManualTimeProvider time, string secret = "test-secret") => new(
        Options.Create(new LocalStorageOptions { Root = Path.GetTempPath(), SigningKey = secret }),
        Options.Create(new StorageOptions { UrlLifetime = TimeSpan.FromMinutes(10) }),
        time);

    private static (string Key, string Exp, string Sig) Parts(string url)
    {
        var uri = new Uri("http://x" + url);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return (uri.AbsolutePath[LocalFileUrlSigner.RoutePrefix.Length..], query["exp"]!, query["sig"]!);
    }

    [Fact]
    public void Sign_ThenVerify_GrantsThatKeyUntilExpiry()
    {
        var time = new ManualTimeProvider(Start);
        var signer = Signer(time);
        var signed = signer.Sign(StorageKey.Of("jobs", "u1", "j1", "chart.png"));
        var (key, exp, sig) = Parts(signed.Url);

        Assert.Equal(Start.AddMinutes(10), signed.ExpiresAt);
        Assert.True(signer.TryVerify(key, exp, sig, out var granted));
        Assert.Equal("jobs/u1/j1/chart.png", granted.Value);

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.False(signer.TryVerify(key, exp, sig, out _));
    }

    [Fact]
    public void Verify_OtherSecret_Refuses()
    {
        var time = new ManualTimeProvider(Start);
        var (key, exp, sig) = Parts(Signer(time, "one").Sign(StorageKey.Of("a.png")).Url);
        Assert.False(Signer(time, "two").TryVerify(key, exp, sig, out _));
    }

    [Theory]
    [InlineData("../a.png")]
    [InlineData("")]
    [InlineData(null)]
    public void Verify_UnsafeKey_Refuses(string? key)
    {
        var signer = Signer(new ManualTimeProvider(Start));
        Assert.False(signer.TryVerify(key, "9999999999", "abc", out _));
    }
}

using LabCharts.Api.Push;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LabCharts.Api.Tests;

/// <summary>The tickets a socket without gateway identity presents: signed, short-lived, bound to one owner.</summary>
public sealed class PushTicketTests
{
    private const string Owner = "u0123456789abcdef0123456789abcdef";

    private static PushTickets Tickets(TimeProvider time, string? key = "shared-secret-of-the-replicas") =>
        new(Options.Create(new PushOptions { TicketKey = key, TicketLifetimeSeconds = 60 }), time, NullLogger<PushTickets>.Instance);

    [Fact]
    public void Ticket_NamesItsOwner_OnEveryReplicaWithTheSameKey_UntilItExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var (ticket, expiresAt) = Tickets(time).Issue(Owner);

        Assert.Equal(time.GetUtcNow().AddSeconds(60), expiresAt);
        Assert.Equal(Owner, Tickets(time).Verify(ticket)); // another process, same key
        Assert.DoesNotContain("openid", ticket, StringComparison.OrdinalIgnoreCase);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(Owner, Tickets(time).Verify(ticket));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Tickets(time).Verify(ticket));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-ticket")]
    [InlineData("a.b.c.d")]
    [InlineData("u0123456789abcdef0123456789abcdef.notanumber.AAAA")]
    [InlineData("u0123456789abcdef0123456789abcdef.99999999999.!!!!")]
    public void Verify_Garbage_IsNull(string? ticket) =>
        Assert.Null(Tickets(TimeProvider.System).Verify(ticket));

    [Fact]
    public void Verify_AnotherOwnerOrExpiry_OrAnotherKey_IsNull()
    {
        var tickets = Tickets(TimeProvider.System);
        var (ticket, _) = tickets.Issue(Owner);
        var parts = ticket.Split('.');

        Assert.Null(tickets.Verify($"u{new string('f', 32)}.{parts[1]}.{parts[2]}"));
        Assert.Null(tickets.Verify($"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 3600}.{parts[2]}"));
        Assert.Null(Tickets(TimeProvider.System, "another key").Verify(ticket));
        Assert.Null(Tickets(TimeProvider.System, key: null).Verify(ticket)); // no key set: a key of its own
        Assert.Null(tickets.Verify(ticket + new string('A', 300)));
    }
}

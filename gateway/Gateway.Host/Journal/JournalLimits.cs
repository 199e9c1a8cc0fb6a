using Gateway.Host.Configuration;

namespace Gateway.Host.Journal;

/// <summary>What the journal keeps: count, bytes and age limits for unacknowledged entries, key age, and who must acknowledge.</summary>
internal sealed record JournalLimits(long MaxCount, long MaxBytes, TimeSpan RetainFor, TimeSpan RotateKeyAfter, IReadOnlySet<string> Consumers)
{
    /// <summary>The limits configured in <c>Gateway:Captures</c> and <c>Gateway:Journal</c>.</summary>
    public static JournalLimits From(GatewayOptions options) => new(
        options.Captures.RetainCount,
        options.Captures.RetainMegabytes * 1024L * 1024L,
        options.Journal.RetainFor,
        options.Journal.RotateKeyAfter,
        options.Journal.Consumers.ToHashSet(StringComparer.Ordinal));
}

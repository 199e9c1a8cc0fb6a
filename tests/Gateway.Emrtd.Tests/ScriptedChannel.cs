using Gateway.Emrtd;

namespace Gateway.Emrtd.Tests;

/// <summary>A chip played back from a recorded exchange: checks each command against the record and answers with it.</summary>
internal sealed class ScriptedChannel(params (string Command, string Response)[] exchanges) : ICardChannel
{
    private int _next;

    public bool SupportsExtendedLength => false;

    public List<string> Sent { get; } = [];

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        var hex = Convert.ToHexString(command.Span);
        Sent.Add(hex);
        var (expected, response) = exchanges[_next++];
        Assert.True(expected == "*" || expected == hex, $"Command {_next}: expected {expected}, sent {hex}");
        return Task.FromResult(Convert.FromHexString(response));
    }
}

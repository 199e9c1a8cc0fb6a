using System.Buffers;
using Gateway.Drivers.Serial.Tests.Socat;

namespace Gateway.Drivers.Serial.Tests;

public sealed class SerialConnectionTests
{
    [Fact]
    public async Task Open_PseudoTerminalWithDtrAndRts_OpensAndSkipsTheMissingModemLines()
    {
        await using var pair = await SocatPair.StartAsync();

        await using var connection = SerialConnection.Open(new SerialReaderOptions { Port = pair.GatewayEnd, DtrEnable = true, RtsEnable = true });

        // A pty has no modem lines: System.IO.Ports' ioctl fails there, and the connection must open regardless.
        Assert.Equal(["DTR", "RTS"], connection.SkippedControlLines);
    }

    [Fact]
    public async Task Input_ReceivesWhatTheOtherEndWrites()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var gateway = SerialConnection.Open(new SerialReaderOptions { Port = pair.GatewayEnd });
        await using var reader = SerialConnection.Open(new SerialReaderOptions { Port = pair.ReaderEnd });

        reader.Write("hello"u8);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<byte>();
        while (received.Count < 5)
        {
            var result = await gateway.Input.ReadAsync(timeout.Token);
            received.AddRange(result.Buffer.ToArray());
            gateway.Input.AdvanceTo(result.Buffer.End);
        }

        Assert.Equal("hello"u8.ToArray(), received);
    }

    [Fact]
    public async Task Input_WhenThePeerVanishes_EndsWithATransientFailureAndDisposesQuickly()
    {
        await using var pair = await SocatPair.StartAsync();
        var gateway = SerialConnection.Open(new SerialReaderOptions { Port = pair.GatewayEnd });

        await pair.KillAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        ReadResultSummary last;
        do
        {
            var result = await gateway.Input.ReadAsync(timeout.Token);
            last = new(result.IsCompleted, result.Buffer.Length);
            gateway.Input.AdvanceTo(result.Buffer.End);
        }
        while (!last.Completed);

        var failure = Assert.IsType<DeviceException>(gateway.Failure);
        Assert.Equal("serial.port_gone", failure.Code);
        Assert.True(failure.IsTransient);
        await gateway.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Open_MissingPort_ThrowsATransientPortMissing()
    {
        var error = Assert.Throws<DeviceException>(() => SerialConnection.Open(new SerialReaderOptions { Port = "/nonexistent/ttyUSB9" }));

        Assert.Equal("serial.port_missing", error.Code);
        Assert.True(error.IsTransient);
    }

    private readonly record struct ReadResultSummary(bool Completed, long Length);
}

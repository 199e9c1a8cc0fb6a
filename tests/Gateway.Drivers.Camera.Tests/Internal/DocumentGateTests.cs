using Gateway.Drivers.Camera.Internal;

namespace Gateway.Drivers.Camera.Tests.Internal;

public sealed class DocumentGateTests
{
    private static readonly DocumentReading Qr = new("QR_CODE:41", new BarcodePayload("QR_CODE", new byte[] { 0x41 }));

    [Fact]
    public void Observe_SameReadingInConsecutiveFrames_PublishesItOnceWhenStable()
    {
        var gate = new DocumentGate(stableFrames: 3);

        Assert.Empty(gate.Observe([Qr]));
        Assert.Empty(gate.Observe([Qr]));
        Assert.Equal([Qr], gate.Observe([Qr]));
        Assert.Empty(gate.Observe([Qr]));
    }

    [Fact]
    public void Observe_AFrameWithoutTheReading_StartsTheCountAgain()
    {
        var gate = new DocumentGate(stableFrames: 3);

        gate.Observe([Qr]);
        gate.Observe([Qr]);
        gate.Observe([]);
        Assert.Empty(gate.Observe([Qr]));
        Assert.Empty(gate.Observe([Qr]));
        Assert.Equal([Qr], gate.Observe([Qr]));
    }

    [Fact]
    public void Observe_DocumentTakenAwayAndShownAgain_PublishesAgain()
    {
        var gate = new DocumentGate(stableFrames: 2);
        gate.Observe([Qr]);
        Assert.Single(gate.Observe([Qr]));

        gate.Observe([]);
        gate.Observe([]);
        gate.Observe([Qr]);

        Assert.Single(gate.Observe([Qr]));
    }
}

using System.Text;
using Gateway.Drivers.Serial.Framing;

namespace Gateway.Drivers.Serial.Tests.Framing;

public sealed class FrameReaderTests
{
    public static TheoryData<string> ProfileNames => new(FrameProfiles.All.Select(p => p.Name));

    private static FrameProfile Profile(string name) => FrameProfiles.Find(name)!;

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Read_Td3AndTd1_ReturnsEachDocumentsLines(string name)
    {
        var profile = Profile(name);

        var events = await FramePipe.ReadAllAsync(profile, FrameWriter.Document(profile, Specimens.Td3), FrameWriter.Document(profile, Specimens.Td1));

        Assert.Collection(
            events,
            e => Assert.Equal(Specimens.Td3, Assert.IsType<Frame>(e).Lines),
            e => Assert.Equal(Specimens.Td1, Assert.IsType<Frame>(e).Lines));
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Read_TwoDocumentsInOneWrite_ReturnsBoth(string name)
    {
        var profile = Profile(name);

        var events = await FramePipe.ReadAllAsync(profile, [.. FrameWriter.Document(profile, Specimens.Td3), .. FrameWriter.Document(profile, Specimens.Td2)]);

        Assert.Equal([Specimens.Td3, Specimens.Td2], events.Select(e => Assert.IsType<Frame>(e).Lines));
        Assert.Equal(FrameWriter.Document(profile, Specimens.Td3).Length, events[1].Offset);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Read_DocumentSplitIntoSingleBytesWithPauses_ReturnsItOnce(string name)
    {
        var profile = Profile(name);
        var pipe = new FramePipe(profile);
        var next = pipe.Reader.ReadAsync().AsTask();

        foreach (var b in FrameWriter.Document(profile, Specimens.Td1))
        {
            await pipe.WriteAsync([b]);
            // Each pause is just under the inter-byte timeout: it must not tear the frame.
            pipe.Time.Advance(profile.InterByteTimeout - TimeSpan.FromMilliseconds(1));
        }

        var frame = Assert.IsType<Frame>(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(Specimens.Td1, frame.Lines);
    }

    [Fact]
    public async Task Read_ThreeMRte_WritesBottomAlignedPaddedLinesAndReadsThemBack()
    {
        var bytes = FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td3);

        // <SOH> length(2) "OU" <STX> flag <CR> line1(44) <CR> line2(44) <CR> <ETX> BCC: line 1 is empty on a 2-line document.
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(bytes.Length - 3, bytes[1] | (bytes[2] << 8));
        Assert.Equal("OU\u0002", Encoding.ASCII.GetString(bytes, 3, 3));
        Assert.Equal((byte)'\r', bytes[7]);
        Assert.Equal(1 + 2 + 3 + 1 + 1 + (44 + 1) * 2 + 1 + 1, bytes.Length);
        var events = await FramePipe.ReadAllAsync(FrameProfiles.ThreeMRte, bytes);
        Assert.Equal(Specimens.Td3, Assert.IsType<Frame>(Assert.Single(events)).Lines);
    }

    [Fact]
    public async Task Read_ThreeMRteTd2_RemovesTheUnderscorePadding()
    {
        var bytes = FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td2);

        Assert.Contains("<<<<<<<6________\r", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        var events = await FramePipe.ReadAllAsync(FrameProfiles.ThreeMRte, bytes);
        Assert.Equal(Specimens.Td2, Assert.IsType<Frame>(Assert.Single(events)).Lines);
    }

    [Fact]
    public async Task Read_WrongBlockCheck_ReportsBlockCheckAndReadsTheNextFrame()
    {
        var bad = FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td3);
        bad[^1] ^= 0x5A;

        var events = await FramePipe.ReadAllAsync(FrameProfiles.ThreeMRte, bad, FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td1));

        var error = Assert.IsType<FrameError>(events[0]);
        Assert.Equal(FrameErrorCodes.BlockCheck, error.Code);
        Assert.True(error.IsLoss);
        Assert.Equal(Specimens.Td1, Assert.IsType<Frame>(events[1]).Lines);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task Read_SumBlockCheck_IsVerifiedWithTheConfiguredAlgorithm()
    {
        var profile = FrameProfiles.ThreeMRte with { BlockCheck = BlockCheck.Sum };
        var good = FrameWriter.Document(profile, Specimens.Td3);
        var xor = FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td3);

        var events = await FramePipe.ReadAllAsync(profile, good, xor);

        Assert.IsType<Frame>(events[0]);
        Assert.Equal(FrameErrorCodes.BlockCheck, Assert.IsType<FrameError>(events[1]).Code);
    }

    [Theory]
    [InlineData("desko-cute")]
    [InlineData("3m-rte")]
    public async Task Read_NoiseBetweenFrames_ReportsItOnceAndReturnsBothFrames(string name)
    {
        var profile = Profile(name);
        byte[] noise = [.. Ascii("garbage\r\n"), 0xFF, 0x00, 0x03];

        var events = await FramePipe.ReadAllAsync(profile, [.. FrameWriter.Document(profile, Specimens.Td3), .. noise, .. FrameWriter.Document(profile, Specimens.Td1)]);

        Assert.Equal(3, events.Count);
        Assert.IsType<Frame>(events[0]);
        var error = Assert.IsType<FrameError>(events[1]);
        Assert.Equal(FrameErrorCodes.Noise, error.Code);
        Assert.Contains($"{noise.Length} bytes", error.Detail, StringComparison.Ordinal);
        Assert.False(error.IsLoss);
        Assert.Equal(Specimens.Td1, Assert.IsType<Frame>(events[2]).Lines);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Read_OverlongFrame_ReportsTooLongAndResynchronisesOnTheNextFrame(string name)
    {
        var profile = Profile(name) with { MaxFrameLength = 200 };
        var overlong = FrameWriter.Document(profile, [new string('A', 180), new string('B', 180)]);

        var events = await FramePipe.ReadAllAsync(profile, overlong, FrameWriter.Document(profile, Specimens.Td3));

        Assert.Equal(FrameErrorCodes.TooLong, Assert.IsType<FrameError>(events[0]).Code);
        Assert.Equal(Specimens.Td3, Assert.IsType<Frame>(Assert.Single(events, e => e is Frame)).Lines);
        Assert.Equal(2, events.Count);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Read_NonAsciiByteInAFrame_ReportsInvalidByteAndDeliversTheNextDocument(string name)
    {
        var profile = Profile(name);
        var torn = FrameWriter.Document(profile, Specimens.Td3);
        var at = Array.IndexOf(torn, (byte)'L');
        torn[at] = 0xC9;

        var events = await FramePipe.ReadAllAsync(profile, torn, FrameWriter.Document(profile, Specimens.Td1));

        var error = Assert.IsType<FrameError>(events[0]);
        Assert.Equal(FrameErrorCodes.InvalidByte, error.Code);
        Assert.Equal(at, error.Offset);
        Assert.Contains("0xC9", error.Detail, StringComparison.Ordinal);
        Assert.Equal(Specimens.Td1, Assert.IsType<Frame>(events[1]).Lines);
        Assert.Equal(2, events.Count);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Read_StreamEndsMidFrame_ReportsIncompleteAndNoDocument(string name)
    {
        var profile = Profile(name);
        var frame = FrameWriter.Document(profile, Specimens.Td3);

        var events = await FramePipe.ReadAllAsync(profile, frame[..60]);

        var error = Assert.IsType<FrameError>(Assert.Single(events));
        Assert.Equal(FrameErrorCodes.Incomplete, error.Code);
        Assert.True(error.IsLoss);
    }

    [Theory]
    [InlineData("desko-cute")]
    [InlineData("3m-rte")]
    [InlineData("lines")]
    public async Task Read_PauseMidFrame_ReportsIncompleteThenReadsTheNextFrame(string name)
    {
        var profile = Profile(name);
        var pipe = new FramePipe(profile);
        await pipe.WriteAsync(FrameWriter.Document(profile, Specimens.Td3)[..50]);

        var error = Assert.IsType<FrameError>(await pipe.ReadAfterPauseAsync(TimeSpan.FromMilliseconds(50)));
        await pipe.WriteAsync(FrameWriter.Document(profile, Specimens.Td1));

        Assert.Equal(FrameErrorCodes.Incomplete, error.Code);
        Assert.Contains("no byte for", error.Detail, StringComparison.Ordinal);
        Assert.Equal(Specimens.Td1, Assert.IsType<Frame>(await pipe.ReadAsync()).Lines);
    }

    [Fact]
    public async Task Read_NewStartSentinelBeforeTheEnd_ReportsIncompleteThenTheNewFrame()
    {
        var profile = FrameProfiles.DeskoCute;
        var torn = FrameWriter.Document(profile, Specimens.Td3)[..40];

        var events = await FramePipe.ReadAllAsync(profile, [.. torn, .. FrameWriter.Document(profile, Specimens.Td1)]);

        Assert.Equal(FrameErrorCodes.Incomplete, Assert.IsType<FrameError>(events[0]).Code);
        var frame = Assert.IsType<Frame>(events[1]);
        Assert.Equal(40, frame.Offset);
        Assert.Equal(Specimens.Td1, frame.Lines);
    }

    [Fact]
    public async Task Read_ThreeMRteWithAWrongHeader_ReportsInvalidByteAndResynchronises()
    {
        var bad = FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td3);
        bad[4] = (byte)'X'; // "OU" becomes "OX"

        var events = await FramePipe.ReadAllAsync(FrameProfiles.ThreeMRte, bad, FrameWriter.Document(FrameProfiles.ThreeMRte, Specimens.Td2));

        Assert.Equal(FrameErrorCodes.InvalidByte, Assert.IsType<FrameError>(events[0]).Code);
        Assert.Equal(Specimens.Td2, Assert.IsType<Frame>(events[1]).Lines);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task Read_DeskoBarcodeBlockWithAimIdentifier_ReturnsABarcodeFrame()
    {
        var data = "]L0M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"u8.ToArray();

        var events = await FramePipe.ReadAllAsync(FrameProfiles.DeskoCute, FrameWriter.Barcode(FrameProfiles.DeskoCute, data));

        var frame = Assert.IsType<Frame>(Assert.Single(events));
        Assert.Equal(FrameContent.Barcode, frame.Content);
        Assert.Equal("]L0", frame.AimIdentifier);
        Assert.Equal(data[3..], frame.Payload.ToArray());
    }

    [Fact]
    public async Task Read_DeskoBarcodeWithAamvaSeparators_KeepsThemInThePayload()
    {
        byte[] data = [.. "@"u8, 0x0A, 0x1E, 0x0D, .. "ANSI 636000100002DL00410278ZV03190008DLDAQT64235789"u8, 0x0A];

        var events = await FramePipe.ReadAllAsync(FrameProfiles.DeskoCute, FrameWriter.Barcode(FrameProfiles.DeskoCute, data));

        var frame = Assert.IsType<Frame>(Assert.Single(events));
        Assert.Null(frame.AimIdentifier);
        Assert.Equal(data, frame.Payload.ToArray());
    }

    [Fact]
    public async Task Read_LinesWithCrLfCrAndLf_AllSeparateLinesAndEmptyLinesEndDocuments()
    {
        var text = $"{Specimens.Td3[0]}\r\n{Specimens.Td3[1]}\r\n\r\n{Specimens.Td2[0]}\r{Specimens.Td2[1]}\r\r\n\n{Specimens.Td1[0]}\n{Specimens.Td1[1]}\n{Specimens.Td1[2]}\n\n";

        var events = await FramePipe.ReadAllAsync(FrameProfiles.Lines, Ascii(text));

        Assert.Equal([Specimens.Td3, Specimens.Td2, Specimens.Td1], events.Select(e => Assert.IsType<Frame>(e).Lines));
    }

    [Fact]
    public async Task Read_LinesWithoutAnEmptyLine_EndTheDocumentAfterThePause()
    {
        var pipe = new FramePipe(FrameProfiles.Lines);
        var start = pipe.Time.GetUtcNow();
        await pipe.WriteAsync(Ascii($"{Specimens.Td3[0]}\r{Specimens.Td3[1]}\r"));

        var frame = Assert.IsType<Frame>(await pipe.ReadAfterPauseAsync(TimeSpan.FromMilliseconds(20)));

        Assert.Equal(Specimens.Td3, frame.Lines);
        Assert.True(pipe.Time.GetUtcNow() - start >= FrameProfiles.Lines.InterByteTimeout);
    }

    [Fact]
    public async Task Read_LinesWithAnEndSentinel_EndTheDocumentAtIt()
    {
        var profile = FrameProfiles.Lines with { Channels = [new FrameChannel(FrameContent.Mrz, ReadOnlyMemory<byte>.Empty, new byte[] { 0x04 })] };

        var events = await FramePipe.ReadAllAsync(profile, [.. FrameWriter.Document(profile, Specimens.Td3), .. FrameWriter.Document(profile, Specimens.Td1)]);

        Assert.Equal([Specimens.Td3, Specimens.Td1], events.Select(e => Assert.IsType<Frame>(e).Lines));
    }

    [Fact]
    public async Task Read_LineWithAnAimIdentifier_IsABarcodeOnItsOwn()
    {
        var events = await FramePipe.ReadAllAsync(FrameProfiles.Lines, Ascii($"]Q1HELLO\r\n{Specimens.Td3[0]}\r\n{Specimens.Td3[1]}\r\n\r\n"));

        var barcode = Assert.IsType<Frame>(events[0]);
        Assert.Equal(FrameContent.Barcode, barcode.Content);
        Assert.Equal("]Q1", barcode.AimIdentifier);
        Assert.Equal("HELLO"u8.ToArray(), barcode.Payload.ToArray());
        Assert.Equal(Specimens.Td3, Assert.IsType<Frame>(events[1]).Lines);
    }
}

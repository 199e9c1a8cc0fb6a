using System.Buffers.Binary;
using Gateway.Imaging.Fingerprints;
using Gateway.Imaging.Fingerprints.Iso19794;
using Gateway.Imaging.TestMedia.Fingerprints;

namespace Gateway.Imaging.Tests.Fingerprints.Iso19794;

public sealed class FingerImageRecordTests
{
    [Fact]
    public void Write_PngView_LaysOutTheHeadersAsTheStandardSays()
    {
        var png = SyntheticFingerprint.Finger(1).EncodePng();
        var bytes = FingerImageRecordWriter.Write(new FingerImageRecord(
            [new FingerImageView(IsoFingerPosition.RightIndex, 320, 440, png) { Quality = 77 }]));

        Assert.Equal("FIR\0010\0"u8.ToArray(), bytes[..8]);
        Assert.Equal(32 + 14 + png.Length, bytes.Length);
        Assert.Equal((ulong)bytes.Length, ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(8)) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(10)));
        Assert.Equal(31, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(16))); // acquisition level: 500 ppi, 8 bit
        Assert.Equal(1, bytes[18]); // one finger
        Assert.Equal(1, bytes[19]); // pixels per inch
        Assert.Equal(500, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(20)));
        Assert.Equal(8, bytes[28]);
        Assert.Equal(5, bytes[29]); // PNG
        Assert.Equal((uint)(14 + png.Length), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(32)));
        Assert.Equal(2, bytes[36]); // right index
        Assert.Equal(77, bytes[39]);
        Assert.Equal(0, bytes[40]); // live-scan plain
        Assert.Equal(320, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(41)));
        Assert.Equal(440, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(43)));
    }

    [Fact]
    public void RoundTrip_FourPngViews_ReadsBackEveryField()
    {
        var analysis = new FingerprintAnalyzer().Analyze(SyntheticFingerprint.Slap(2), IsoFingerPosition.PlainRightFourFingers);
        var record = new FingerImageRecord([.. analysis.Fingers.Select(f =>
            new FingerImageView(f.Position, f.Image.Width, f.Image.Height, f.Image.EncodePng()) { Quality = (byte)f.Quality.Score })])
        {
            CaptureDeviceId = 0x0123,
        };

        var read = FingerImageRecordReader.Read(FingerImageRecordWriter.Write(record));

        Assert.Null(read.Error);
        Assert.Equal(0x0123, read.Record!.CaptureDeviceId);
        Assert.Equal(FingerImageCompression.Png, read.Record.Compression);
        Assert.Equal(4, read.Record.Views.Count);
        for (var i = 0; i < 4; i++)
        {
            var (written, back) = (record.Views[i], read.Record.Views[i]);
            Assert.Equal((written.Position, written.Width, written.Height, written.Quality), (back.Position, back.Width, back.Height, back.Quality));
            Assert.Equal(written.ImageData.ToArray(), back.ImageData.ToArray());
            var decoded = Frame.Decode(back.ImageData.Span, PixelFormat.Gray8);
            Assert.Equal((written.Width, written.Height), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public void RoundTrip_Uncompressed_KeepsThePixels()
    {
        var pixels = Enumerable.Range(0, 64 * 80).Select(i => (byte)i).ToArray();
        var record = new FingerImageRecord([new FingerImageView(IsoFingerPosition.LeftThumb, 64, 80, pixels) { ImpressionType = 1 }])
        {
            Compression = FingerImageCompression.Uncompressed,
        };

        var read = FingerImageRecordReader.Read(FingerImageRecordWriter.Write(record));

        var view = Assert.Single(read.Record!.Views);
        Assert.Equal(pixels, view.ImageData.ToArray());
        Assert.Equal(1, view.ImpressionType);
        Assert.Equal(254, view.Quality);
    }

    [Fact]
    public void Write_UncompressedDataOfTheWrongSize_IsRefused()
    {
        var record = new FingerImageRecord([new FingerImageView(IsoFingerPosition.RightIndex, 64, 80, new byte[100])])
        {
            Compression = FingerImageCompression.Uncompressed,
        };

        Assert.Throws<ArgumentException>(() => FingerImageRecordWriter.Write(record));
    }

    [Theory]
    [InlineData("truncated", "record.truncated", 0)]
    [InlineData("format", "record.format_identifier", 0)]
    [InlineData("version", "record.version", 4)]
    [InlineData("length", "record.length", 8)]
    [InlineData("view", "view.length", 32)]
    [InlineData("position", "view.position", 36)]
    [InlineData("trailing", "record.length", 8)]
    public void Read_BrokenRecord_ReportsTheFieldAndOffset(string damage, string code, int offset)
    {
        var bytes = FingerImageRecordWriter.Write(new FingerImageRecord(
            [new FingerImageView(IsoFingerPosition.RightIndex, 8, 8, new byte[64])]) { Compression = FingerImageCompression.Uncompressed });
        switch (damage)
        {
            case "truncated": bytes = bytes[..20]; break;
            case "format": bytes[0] = (byte)'X'; break;
            case "version": bytes[5] = (byte)'3'; break;
            case "length": bytes[13]++; break;
            case "view": BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(32), 5000); break;
            case "position": bytes[36] = 99; break;
            case "trailing": bytes = [.. bytes, 0, 0]; break;
        }

        var read = FingerImageRecordReader.Read(bytes);

        Assert.Null(read.Record);
        Assert.Equal(code, read.Error!.Code);
        Assert.Equal(offset, read.Error.Offset);
    }
}

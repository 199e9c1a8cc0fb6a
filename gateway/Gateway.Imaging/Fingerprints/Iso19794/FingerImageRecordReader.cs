using System.Buffers.Binary;

namespace Gateway.Imaging.Fingerprints.Iso19794;

/// <summary>Reads ISO/IEC 19794-4:2005 finger image records; a malformed record is a result with positioned errors, never an exception.</summary>
public static class FingerImageRecordReader
{
    /// <summary>Reads a record.</summary>
    /// <param name="bytes">The record's bytes.</param>
    public static FingerImageRecordReadResult Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < FingerImageRecord.GeneralHeaderLength)
        {
            return Error("record.truncated", 0, $"{bytes.Length} bytes is shorter than the {FingerImageRecord.GeneralHeaderLength}-byte general header.");
        }

        if (!bytes[..4].SequenceEqual(FingerImageRecord.FormatIdentifier))
        {
            return Error("record.format_identifier", 0, "The record does not start with the format identifier \"FIR\\0\".");
        }

        if (!bytes[4..8].SequenceEqual(FingerImageRecord.Version))
        {
            return Error("record.version", 4, "The version is not \"010\\0\" (ISO/IEC 19794-4:2005).");
        }

        long length = 0;
        foreach (var b in bytes[8..14])
        {
            length = (length << 8) | b;
        }

        if (length != bytes.Length)
        {
            return Error("record.length", 8, $"The record length field says {length} bytes; there are {bytes.Length}.");
        }

        var compression = (FingerImageCompression)bytes[29];
        if (!Enum.IsDefined(compression))
        {
            return Error("record.compression", 29, $"Unknown image compression algorithm {bytes[29]}.");
        }

        if (bytes[19] != 1)
        {
            return Error("record.scale_units", 19, $"Scale units {bytes[19]} are not supported; only pixels per inch (1).");
        }

        var count = bytes[18];
        var views = new List<FingerImageView>(count);
        var offset = FingerImageRecord.GeneralHeaderLength;
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length - offset < FingerImageRecord.ViewHeaderLength)
            {
                return Error("view.truncated", offset, $"View {i + 1} of {count}: its header is cut off.");
            }

            var block = bytes[offset..];
            var blockLength = BinaryPrimitives.ReadUInt32BigEndian(block);
            if (blockLength < FingerImageRecord.ViewHeaderLength || blockLength > block.Length)
            {
                return Error("view.length", offset, $"View {i + 1}: data block length {blockLength} does not fit the record.");
            }

            var position = block[4];
            if (position > (byte)IsoFingerPosition.PlainThumbs)
            {
                return Error("view.position", offset + 4, $"View {i + 1}: unknown finger position {position}.");
            }

            var width = BinaryPrimitives.ReadUInt16BigEndian(block[9..]);
            var height = BinaryPrimitives.ReadUInt16BigEndian(block[11..]);
            var data = block[FingerImageRecord.ViewHeaderLength..(int)blockLength].ToArray();
            if (compression == FingerImageCompression.Uncompressed && data.Length != width * height * ((bytes[28] + 7) / 8))
            {
                return Error("view.image_length", offset + FingerImageRecord.ViewHeaderLength, $"View {i + 1}: {data.Length} bytes of uncompressed data for {width}×{height} pixels.");
            }

            views.Add(new FingerImageView((IsoFingerPosition)position, width, height, data)
            {
                ViewCount = block[5],
                ViewNumber = block[6],
                Quality = block[7],
                ImpressionType = block[8],
            });
            offset += (int)blockLength;
        }

        if (offset != bytes.Length)
        {
            return Error("record.trailing_bytes", offset, $"{bytes.Length - offset} bytes follow the last view.");
        }

        var record = new FingerImageRecord(views)
        {
            CaptureDeviceId = BinaryPrimitives.ReadUInt16BigEndian(bytes[14..]),
            ImageAcquisitionLevel = BinaryPrimitives.ReadUInt16BigEndian(bytes[16..]),
            Ppi = BinaryPrimitives.ReadUInt16BigEndian(bytes[24..]),
            PixelDepth = bytes[28],
            Compression = compression,
        };
        return new FingerImageRecordReadResult(record, null);
    }

    private static FingerImageRecordReadResult Error(string code, int offset, string message) =>
        new(null, new FingerImageRecordError(code, offset, message));
}

/// <summary>The result of reading a record: the record, or the first error.</summary>
/// <param name="Record">The record; null when it could not be read.</param>
/// <param name="Error">What is wrong, and where; null when the record was read.</param>
public sealed record FingerImageRecordReadResult(FingerImageRecord? Record, FingerImageRecordError? Error);

/// <summary>A problem in a record, at a byte offset.</summary>
/// <param name="Code">A stable dotted code, e.g. <c>record.length</c>.</param>
/// <param name="Offset">Byte offset of the offending field.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record FingerImageRecordError(string Code, int Offset, string Message);

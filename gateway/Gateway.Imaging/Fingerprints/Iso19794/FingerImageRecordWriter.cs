using System.Buffers.Binary;

namespace Gateway.Imaging.Fingerprints.Iso19794;

/// <summary>Writes ISO/IEC 19794-4:2005 finger image records (big-endian, as the standard requires).</summary>
public static class FingerImageRecordWriter
{
    /// <summary>The record's bytes.</summary>
    /// <exception cref="ArgumentException">The record has no view, a size out of range, or uncompressed data of the wrong length.</exception>
    public static byte[] Write(FingerImageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Views.Count is 0 or > 255)
        {
            throw new ArgumentException("A finger image record holds 1 to 255 views.", nameof(record));
        }

        long length = FingerImageRecord.GeneralHeaderLength;
        foreach (var view in record.Views)
        {
            if (view.Width is < 1 or > ushort.MaxValue || view.Height is < 1 or > ushort.MaxValue)
            {
                throw new ArgumentException($"A view of {view.Width}×{view.Height} pixels does not fit the record's 16-bit line lengths.", nameof(record));
            }

            if (record.Compression == FingerImageCompression.Uncompressed && view.ImageData.Length != view.Width * view.Height * ((record.PixelDepth + 7) / 8))
            {
                throw new ArgumentException("Uncompressed image data must hold exactly one sample per pixel.", nameof(record));
            }

            length += FingerImageRecord.ViewHeaderLength + view.ImageData.Length;
        }

        if (length >= 1L << 48)
        {
            throw new ArgumentException("The record is longer than its 6-byte length field allows.", nameof(record));
        }

        var bytes = new byte[length];
        var header = bytes.AsSpan();
        FingerImageRecord.FormatIdentifier.CopyTo(header);
        FingerImageRecord.Version.CopyTo(header[4..]);
        WriteUInt48(header[8..], length);
        BinaryPrimitives.WriteUInt16BigEndian(header[14..], record.CaptureDeviceId);
        BinaryPrimitives.WriteUInt16BigEndian(header[16..], record.ImageAcquisitionLevel);
        header[18] = (byte)record.Views.Count;
        header[19] = 1; // scale units: pixels per inch
        BinaryPrimitives.WriteUInt16BigEndian(header[20..], record.Ppi); // scan resolution, horizontal
        BinaryPrimitives.WriteUInt16BigEndian(header[22..], record.Ppi); // vertical
        BinaryPrimitives.WriteUInt16BigEndian(header[24..], record.Ppi); // image resolution, horizontal
        BinaryPrimitives.WriteUInt16BigEndian(header[26..], record.Ppi); // vertical
        header[28] = record.PixelDepth;
        header[29] = (byte)record.Compression;
        // 30–31 reserved, zero.

        var offset = FingerImageRecord.GeneralHeaderLength;
        foreach (var view in record.Views)
        {
            var block = bytes.AsSpan(offset);
            BinaryPrimitives.WriteUInt32BigEndian(block, (uint)(FingerImageRecord.ViewHeaderLength + view.ImageData.Length));
            block[4] = (byte)view.Position;
            block[5] = view.ViewCount;
            block[6] = view.ViewNumber;
            block[7] = view.Quality;
            block[8] = view.ImpressionType;
            BinaryPrimitives.WriteUInt16BigEndian(block[9..], (ushort)view.Width);
            BinaryPrimitives.WriteUInt16BigEndian(block[11..], (ushort)view.Height);
            // 13 reserved, zero.
            view.ImageData.Span.CopyTo(block[FingerImageRecord.ViewHeaderLength..]);
            offset += FingerImageRecord.ViewHeaderLength + view.ImageData.Length;
        }

        return bytes;
    }

    private static void WriteUInt48(Span<byte> target, long value)
    {
        for (var i = 5; i >= 0; i--)
        {
            target[i] = (byte)value;
            value >>= 8;
        }
    }
}

using System.Buffers.Binary;

namespace Gateway.Emrtd.Internal.Lds;

/// <summary>
/// DG2 (Doc 9303 Part 10 §4.7.2): the biometric information template 7F61 { 7F60 { A1 header, 5F2E data } } whose data
/// is an ISO/IEC 19794-5 facial record: "FAC\0", version, record length, face count, then per face a 20-byte information
/// block, 8 bytes per feature point, a 12-byte image information block (image data type 0 = JPEG, 1 = JPEG 2000, width,
/// height) and the image. ISO/IEC 39794-5 records (DER) are recognised by the image's own signature.
/// </summary>
internal static class FaceImage
{
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Jp2Magic = [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20];
    private static readonly byte[] J2kMagic = [0xFF, 0x4F, 0xFF, 0x51];

    public static ChipPortrait? Parse(byte[] dg2)
    {
        if (!Tlv.TryFind(dg2, 0x75, out var body) || !Tlv.TryFind(body, 0x7F61, out var group)
            || !Tlv.TryFind(group, 0x7F60, out var template))
        {
            throw new ChipException(ChipErrorKind.Malformed, "DG2 does not parse.");
        }

        if (!Tlv.TryFind(template, 0x5F2E, out var record) && !Tlv.TryFind(template, 0x7F2E, out record))
        {
            return null;
        }

        if (record.Length > 14 + 20 + 12 && record[..4].SequenceEqual("FAC\0"u8))
        {
            var face = record[14..];
            var landmarks = BinaryPrimitives.ReadUInt16BigEndian(face[4..]);
            var blockLength = (int)BinaryPrimitives.ReadUInt32BigEndian(face);
            var info = 20 + landmarks * 8;
            if (info + 12 <= face.Length && blockLength <= face.Length)
            {
                var imageInfo = face.Slice(info, 12);
                var data = face[(info + 12)..blockLength].ToArray();
                var format = imageInfo[1] switch
                {
                    0 => ChipImageFormat.Jpeg,
                    1 => ChipImageFormat.Jpeg2000,
                    _ => Sniff(data),
                };
                return new ChipPortrait(data, format, BinaryPrimitives.ReadUInt16BigEndian(imageInfo[2..]), BinaryPrimitives.ReadUInt16BigEndian(imageInfo[4..]));
            }
        }

        // Not a 19794-5 record we can walk: find the image by its signature.
        foreach (var magic in new[] { JpegMagic, Jp2Magic, J2kMagic })
        {
            var at = record.IndexOf(magic);
            if (at >= 0)
            {
                var data = record[at..].ToArray();
                return new ChipPortrait(data, Sniff(data), 0, 0);
            }
        }

        return null;
    }

    /// <summary>Builds a 19794-5 facial record around an image (the virtual chip's DG2).</summary>
    public static byte[] Build(byte[] image, ChipImageFormat format, int width, int height)
    {
        var faceBlock = new byte[20 + 12 + image.Length];
        BinaryPrimitives.WriteUInt32BigEndian(faceBlock, (uint)faceBlock.Length);
        faceBlock[20] = 1; // full frontal
        faceBlock[21] = format == ChipImageFormat.Jpeg2000 ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(faceBlock.AsSpan(22), (ushort)width);
        BinaryPrimitives.WriteUInt16BigEndian(faceBlock.AsSpan(24), (ushort)height);
        image.CopyTo(faceBlock, 32);
        var header = new byte[14];
        "FAC\0010\0"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), (uint)(14 + faceBlock.Length));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(12), 1);
        byte[] record = [.. header, .. faceBlock];
        var biometricHeader = Tlv.Encode(0xA1, [.. Tlv.Encode(0x80, [0x01, 0x01]), .. Tlv.Encode(0x87, [0x01, 0x01]), .. Tlv.Encode(0x88, [0x00, 0x08])]);
        var template = Tlv.Encode(0x7F60, [.. biometricHeader, .. Tlv.Encode(0x5F2E, record)]);
        return Tlv.Encode(0x75, Tlv.Encode(0x7F61, [.. Tlv.Encode(0x02, [0x01]), .. template]));
    }

    private static ChipImageFormat Sniff(ReadOnlySpan<byte> data) =>
        data.StartsWith(JpegMagic) ? ChipImageFormat.Jpeg
        : data.StartsWith(Jp2Magic) || data.StartsWith(J2kMagic) ? ChipImageFormat.Jpeg2000
        : ChipImageFormat.Unknown;
}

using System.Security.Cryptography;
using Gateway.Mrz;

namespace Gateway.Barcodes.Tests.Vds;

/// <summary>Seals written at test time with <see cref="VdsSealWriter"/>: ICAO specimen data only (Utopia, Anna Maria Eriksson).</summary>
internal static class TestSeals
{
    public static readonly DateOnly Issued = new(2024, 5, 2);
    public static readonly DateOnly Signed = new(2024, 6, 1);

    /// <summary>The TD2 specimen of Doc 9303 Part 6, written by the MRZ engine's generator.</summary>
    public static readonly string Td2 = MrzGenerator.Generate(new MrzData
    {
        Format = MrzFormat.Td2,
        DocumentCode = "I",
        IssuingState = "UTO",
        Surname = "ERIKSSON",
        GivenNames = "ANNA MARIA",
        DocumentNumber = "D23145890",
        Nationality = "UTO",
        DateOfBirth = new DateOnly(1974, 8, 12),
        Sex = MrzSex.Female,
        DateOfExpiry = new DateOnly(2032, 4, 15),
    });

    /// <summary>An MRV-A visa specimen for Utopia.</summary>
    public static readonly string MrvA = MrzGenerator.Generate(new MrzData
    {
        Format = MrzFormat.MrvA,
        DocumentCode = "V",
        IssuingState = "UTO",
        Surname = "ERIKSSON",
        GivenNames = "ANNA MARIA",
        DocumentNumber = "L8988901C",
        Nationality = "XXX",
        DateOfBirth = new DateOnly(1940, 9, 7),
        Sex = MrzSex.Female,
        DateOfExpiry = new DateOnly(2031, 12, 10),
    });

    /// <summary>A residence permit (0xFB06): the TD2 MRZ and a passport number.</summary>
    public static byte[] ResidencePermit(ECDsa key, int version = 4, string signer = "UTTS", string reference = "5B") =>
        VdsSealWriter.Seal(
            VdsSealWriter.Header(version, "UTO", signer, reference, Issued, Signed, VdsSealWriter.ResidencePermit),
            key,
            VdsSealWriter.Feature(0x02, VdsSealWriter.C40(Td2.Replace("\n", "", StringComparison.Ordinal))),
            VdsSealWriter.Feature(0x03, VdsSealWriter.C40("UFO001979")));

    /// <summary>A visa (0x5D01) with every feature of the profile, the MRV-A MRZ stored as the spec says (line 2 cut at 28).</summary>
    public static byte[] Visa(ECDsa key, params byte[][] extra)
    {
        var lines = MrvA.Split('\n');
        return VdsSealWriter.Seal(
            VdsSealWriter.Header(4, "UTO", "UTTS", "5B", Issued, Signed, VdsSealWriter.Visa),
            key,
            [
                VdsSealWriter.Feature(0x01, VdsSealWriter.C40(lines[0] + lines[1][..28])),
                VdsSealWriter.Feature(0x03, [2]),
                VdsSealWriter.Feature(0x04, [30, 0, 0]),
                VdsSealWriter.Feature(0x05, VdsSealWriter.C40("L8988901C")),
                VdsSealWriter.Feature(0x06, [0x0C, 0x01]),
                VdsSealWriter.Feature(0x07, [0xAB, 0xCD]),
                .. extra,
            ]);
    }
}

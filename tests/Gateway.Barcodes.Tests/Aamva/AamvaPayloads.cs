using System.Globalization;
using System.Text;

namespace Gateway.Barcodes.Tests.Aamva;

/// <summary>
/// AAMVA payloads for tests. <see cref="AnnexDExample"/> is published; everything built here is synthetic, with
/// obviously fictional holders (SAMPLE, JANE), and its offsets computed as the standard defines them.
/// </summary>
internal static class AamvaPayloads
{
    /// <summary>
    /// The example of the 2020 AAMVA DL/ID Card Design Standard, Annex D (version 10, IIN 636000, DL and ZV subfiles),
    /// as quoted in the README of the public benhovinga/aamva_barcode_library. Holder "MICHAEL JOHN SAMPLE" is AAMVA's.
    /// </summary>
    public const string AnnexDExample =
        "@\n\u001e\rANSI 636000100102DL00410278ZV03190008DLDAQT64235789\nDCSSAMPLE\nDDEN\nDACMICHAEL\nDDFN\nDADJOHN\nDDGN\n"
        + "DCUJR\nDCAD\nDCBK\nDCDPH\nDBD06062019\nDBB06061986\nDBA12102024\nDBC1\nDAU068 in\nDAYBRO\nDAG2300 WEST BROAD STREET\n"
        + "DAIRICHMOND\nDAJVA\nDAK232690000  \nDCF2424244747474786102204\nDCGUSA\nDCK123456789\nDDAF\nDDB06062018\nDDC06062020\n"
        + "DDD1\rZVZVA01\r";

    /// <summary>A synthetic US licence holder, dates MMDDCCYY.</summary>
    public static readonly string[] UsElements =
    [
        "DAQS1234567", "DCSSAMPLE", "DACJANE", "DADQ", "DBD01152020", "DBB07041990", "DBA07042028", "DBC2", "DAU065 IN",
        "DAYGRN", "DAG1 EXAMPLE ROAD", "DAIANYTOWN", "DAJVA", "DAK000000000", "DCGUSA",
    ];

    /// <summary>A synthetic Canadian licence holder, dates CCYYMMDD.</summary>
    public static readonly string[] CanadianElements =
    [
        "DAQS1234-56789-01234", "DCSSAMPLE", "DACJANE", "DBD20200115", "DBB19900704", "DBA20280704", "DBC2", "DAU165 CM",
        "DAG1 EXAMPLE ROAD", "DAIANYTOWN", "DAJON", "DAKA1A1A1", "DCGCAN",
    ];

    /// <summary>A synthetic version 1 (AAMVA DL/ID-2000) holder, dates CCYYMMDD, name in DAB/DAC.</summary>
    public static readonly string[] Version1Elements =
    [
        "DAQS1234567", "DABSAMPLE", "DACJANE", "DBB19900704", "DBA20280704", "DBD20200115", "DBCF", "DAG1 EXAMPLE ROAD",
    ];

    /// <summary>
    /// Builds a well-formed payload: header, designators with correct offsets and lengths, then each subfile as its type,
    /// its elements joined by LF, and CR.
    /// </summary>
    public static string Build(int version, params (string Type, string[] Elements)[] subfiles)
    {
        var bodies = subfiles.Select(s => s.Type + string.Join("\n", s.Elements) + "\r").ToList();
        var head = new StringBuilder("@\n\u001e\rANSI 636099");
        head.Append(CultureInfo.InvariantCulture, $"{version:00}");
        if (version >= 2)
        {
            head.Append("00");
        }

        head.Append(CultureInfo.InvariantCulture, $"{subfiles.Length:00}");
        var offset = head.Length + (10 * subfiles.Length);
        for (var i = 0; i < subfiles.Length; i++)
        {
            head.Append(CultureInfo.InvariantCulture, $"{subfiles[i].Type}{offset:0000}{bodies[i].Length:0000}");
            offset += bodies[i].Length;
        }

        return head + string.Concat(bodies);
    }

    public static string Us(int version = 9) => Build(version, ("DL", UsElements));
}

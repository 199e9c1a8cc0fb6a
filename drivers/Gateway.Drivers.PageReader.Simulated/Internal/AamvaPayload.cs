using System.Globalization;
using System.Text;
using Gateway.Mrz;

namespace Gateway.Drivers.PageReader.Simulated.Internal;

/// <summary>
/// The holder's data as an AAMVA DL/ID card payload (2020 Card Design Standard, version 10): header, one "ID"
/// subfile designator with its offset and length, then the data elements, LF-separated, ending in CR. Specimen data only.
/// </summary>
internal static class AamvaPayload
{
    /// <summary>An issuer identification number from the range AAMVA keeps for tests.</summary>
    private const string Iin = "636099";

    public static string For(MrzData data)
    {
        static string Date(DateOnly? date) => date?.ToString("MMddyyyy", CultureInfo.InvariantCulture) ?? "00000000";
        string[] elements =
        [
            "DAQ" + data.DocumentNumber,
            "DCS" + data.Surname,
            "DAC" + data.GivenNames.Split(' ')[0],
            "DBB" + Date(data.DateOfBirth),
            "DBA" + Date(data.DateOfExpiry),
            "DBC" + (data.Sex == MrzSex.Female ? "2" : data.Sex == MrzSex.Male ? "1" : "9"),
            "DCG" + "USA",
        ];
        var body = "ID" + string.Join("\n", elements) + "\r";
        var head = new StringBuilder("@\n\u001e\rANSI ").Append(Iin).Append("10").Append("00").Append("01");
        var offset = head.Length + 10;
        head.Append(CultureInfo.InvariantCulture, $"ID{offset:0000}{body.Length:0000}");
        return head + body;
    }
}

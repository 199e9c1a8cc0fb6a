using System.Security.Cryptography;
using System.Text;

namespace Gateway.Barcodes.Tests.Vds;

/// <summary>
/// Test-only seal writer (Doc 9303 Part 13 / BSI TR-03137): C40 encoder, header v3/v4, features with DER lengths, and the
/// ECDSA signature zone (hash by key size, r‖s). Independent of the parser's code so the two check each other.
/// </summary>
internal static class VdsSealWriter
{
    public const int ResidencePermit = 0xFB06;
    public const int Visa = 0x5D01;

    private const string C40Set = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Text (fillers '&lt;' as spaces) to C40: triples in two bytes; two left padded with Shift 1; one left unlatched.</summary>
    public static byte[] C40(string text)
    {
        text = text.Replace('<', ' ');
        var output = new List<byte>();
        for (var i = 0; i < text.Length; i += 3)
        {
            if (text.Length - i == 1)
            {
                output.Add(0xFE);
                output.Add((byte)(text[i] + 1));
                break;
            }

            var c1 = Value(text[i]);
            var c2 = Value(text[i + 1]);
            var c3 = i + 2 < text.Length ? Value(text[i + 2]) : 0;
            var v = (1600 * c1) + (40 * c2) + c3 + 1;
            output.Add((byte)(v >> 8));
            output.Add((byte)v);
        }

        return [.. output];
    }

    public static byte[] Date(DateOnly date)
    {
        var v = int.Parse(date.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        return [(byte)(v >> 16), (byte)(v >> 8), (byte)v];
    }

    public static byte[] Header(
        int version, string country, string signer, string reference, DateOnly issued, DateOnly signed, int documentType)
    {
        var identity = version == 3
            ? C40(signer + reference.PadLeft(5, '0'))
            : [.. C40(signer + reference.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)), .. C40(reference)];
        return [0xDC, (byte)(version - 1), .. C40(country), .. identity, .. Date(issued), .. Date(signed), (byte)(documentType >> 8), (byte)documentType];
    }

    public static byte[] Feature(byte tag, byte[] value) => [tag, .. Length(value.Length), .. value];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Header and features, then the signature zone signed with <paramref name="key"/>.</summary>
    public static byte[] Seal(byte[] header, ECDsa key, params byte[][] features)
    {
        byte[] signed = [.. header, .. features.SelectMany(f => f)];
        var hash = key.KeySize switch { <= 256 => HashAlgorithmName.SHA256, <= 384 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
        var signature = key.SignData(signed, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return [.. signed, .. Feature(0xFF, signature)];
    }

    public static byte[] Length(int length) => length switch
    {
        < 0x80 => [(byte)length],
        < 0x100 => [0x81, (byte)length],
        _ => [0x82, (byte)(length >> 8), (byte)length],
    };

    private static int Value(char c) => C40Set.IndexOf(c) is var i and >= 0 ? i + 3 : throw new ArgumentException($"'{c}' is not in the seal C40 set.");
}

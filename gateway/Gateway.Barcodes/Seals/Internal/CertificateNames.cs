using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Barcodes.Seals.Internal;

/// <summary>The parts of a certificate's names that seal signer matching and display need.</summary>
internal static class CertificateNames
{
    private const string CountryOid = "2.5.4.6";
    private const string CommonNameOid = "2.5.4.3";

    public static string? Country(X509Certificate2 certificate) => Attribute(certificate.SubjectName, CountryOid);

    public static string? CommonName(X509Certificate2 certificate) => Attribute(certificate.SubjectName, CommonNameOid);

    /// <summary>The serial number as uppercase hex without leading zeros ("0" for zero), the form VDS certificate references use.</summary>
    public static string SerialHex(X509Certificate2 certificate) => TrimHex(certificate.SerialNumber);

    public static string TrimHex(string hex)
    {
        var trimmed = hex.TrimStart('0').ToUpperInvariant();
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    private static string? Attribute(X500DistinguishedName name, string oid)
    {
        try
        {
            foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
            {
                if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == oid)
                {
                    return rdn.GetSingleElementValue();
                }
            }
        }
        catch (Exception e) when (e is AsnContentException or System.Security.Cryptography.CryptographicException)
        {
            // A name that does not decode has no usable attribute; matching then simply fails.
        }

        return null;
    }
}

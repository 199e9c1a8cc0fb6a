using System.Security.Cryptography.X509Certificates;

namespace Gateway.Barcodes.Tests.Seals;

/// <summary>Public certificates published with the test vectors; no private key of any issuer. See Seals/SOURCES.md.</summary>
internal static class PublishedCertificates
{
    /// <summary>tsenger/vdstools <c>src/commonTest/resources/sealgen_DETS32.crt</c>: C=DE, CN=TS, serial 0x32, brainpoolP224r1, 2020-01-10 to 2025-01-10.</summary>
    public const string Dets32 =
        "MIIBjTCCARSgAwIBAgIBMjAKBggqhkjOPQQDATA+MQswCQYDVQQGEwJERTEQMA4GA1UEChMHdHNlbmdlcjEQMA4GA1UECxMHc2VhbHZlcjELMAkGA1UE"
        + "AxMCVFMwHhcNMjAwMTEwMDc0NzAwWhcNMjUwMTEwMDc0NzAwWjAaMQswCQYDVQQGEwJERTELMAkGA1UEAxMCVFMwUjAUBgcqhkjOPQIBBgkrJAMDAggB"
        + "AQUDOgAETOIyomqmp9RBbLHMvVub9H6JzQDytcWZNcg8+lgaqlMSaGHuNEmv46DNM4pj4u0ubfo3iM4Xj+KjLjAsMAkGA1UdEwQCMAAwHwYDVR0jBBgw"
        + "FoAUgrl3vPJZdDsGFOIQ/QJCSFM0qVEwCgYIKoZIzj0EAwEDZwAwZAIwNEZFHXrFgg3YXsXCKuhYt0yLcJgciyK7roQJhy7DgAHP+Dn+cTmSXLCDKRZ4"
        + "+uxYAjBwbKhofQmix77CrOoalurdFbmTtPOWLghIDcS6+N7ty7c/FkMgwvOnb9fgIpxHnOI=";

    /// <summary>tsenger/vdstools <c>src/commonTest/resources/sealgen_UTTS5B.crt</c>: C=UT, CN=TS, serial 0x5B, brainpoolP256r1, 2020-06-10 to 2030-06-10.</summary>
    public const string Utts5B =
        "MIIBuDCCAT6gAwIBAgIBWzAKBggqhkjOPQQDAjA+MQswCQYDVQQGEwJVVDEQMA4GA1UEChMHdHNlbmdlcjEQMA4GA1UECxMHc2VhbGdlbjELMAkGA1UE"
        + "AxMCVFMwHhcNMjAwNjEwMDcxNTAwWhcNMzAwNjEwMDcxNTAwWjA+MQswCQYDVQQGEwJVVDEQMA4GA1UEChMHdHNlbmdlcjEQMA4GA1UECxMHc2VhbGdl"
        + "bjELMAkGA1UEAxMCVFMwWjAUBgcqhkjOPQIBBgkrJAMDAggBAQcDQgAECBMqckOzzMKcJxCXCByWpynu+465NjDlNkmOm3zhztJdaKeJ2TvvOcBHFcWt"
        + "ORXSgcB1TswIUIv2ZofvxjDfiKMsMCowCQYDVR0TBAIwADAdBgNVHQ4EFgQUrca6/HbUmqLZL/rOk9cQM4MsbpYwCgYIKoZIzj0EAwIDaAAwZQIxAIf4"
        + "XIqjMmWe1+wwuLYWUzUxWPXuaEHEXDuY/R8U8DZiA8k0E2x0RDmPf+01kwAgNAIwepUJBSY1wPrO64OwCtVtNFpI6a+bfifBMBtcR8NHqR5GQiNVEXTf"
        + "up+FvtojUPRS";

    public static X509Certificate2 Load(string base64) => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
}

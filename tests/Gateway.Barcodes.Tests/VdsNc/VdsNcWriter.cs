using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Barcodes.Tests.VdsNc;

/// <summary>
/// Test-only VDS-NC writer: signs the canonical form of <c>data</c>. Its canonical form comes from the sorted,
/// whitespace-free serialisation of System.Text.Json (enough for the ASCII strings and small integers used here), so the
/// parser's own canonicaliser is checked against an independent writer.
/// </summary>
internal static class VdsNcWriter
{
    /// <summary>A UTO icao.test seal for the ICAO specimen holder.</summary>
    public static JsonObject TestData() => new()
    {
        ["hdr"] = new JsonObject { ["t"] = "icao.test", ["v"] = 1, ["is"] = "UTO" },
        ["msg"] = new JsonObject
        {
            ["utci"] = "U01932",
            ["pid"] = new JsonObject { ["n"] = "ERIKSSON ANNA MARIA", ["dob"] = "1974-08-12", ["dt"] = "P", ["dn"] = "L898902C3" },
            ["sp"] = new JsonObject
            {
                ["spn"] = "Utopia Test Lab", ["ctr"] = "UTO",
                ["cd"] = new JsonObject { ["p"] = "+00 000 0000", ["e"] = "lab@example.org", ["a"] = "1 Main Street" },
            },
            ["dat"] = new JsonObject { ["sc"] = "2024-06-01T10:00:00Z", ["ri"] = "2024-06-01T16:00:00Z" },
            ["tr"] = new JsonObject { ["tc"] = "molecular(PCR)", ["r"] = "negative", ["m"] = "nasopharyngeal" },
        },
    };

    public static string Seal(JsonObject data, ECDsa key, X509Certificate2 certificate, string? algorithm = null)
    {
        var hash = key.KeySize switch { 256 => HashAlgorithmName.SHA256, 384 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
        var signature = key.SignData(Canonical(data), hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var seal = new JsonObject
        {
            ["data"] = data.DeepClone(),
            ["sig"] = new JsonObject
            {
                ["alg"] = algorithm ?? $"ES{(key.KeySize == 521 ? 512 : key.KeySize)}",
                ["cer"] = Base64Url(certificate.RawData),
                ["sigvl"] = Base64Url(signature),
            },
        };
        return seal.ToJsonString();
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The default encoder escapes '+' and other HTML-sensitive characters, which RFC 8785 writes as themselves.
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Canonical(JsonNode node) => Encoding.UTF8.GetBytes(Sorted(node)!.ToJsonString(Compact));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}

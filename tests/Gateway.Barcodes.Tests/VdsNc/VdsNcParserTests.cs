using System.Text.Json.Nodes;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Tests.Seals;
using Gateway.Barcodes.VdsNc;

namespace Gateway.Barcodes.Tests.VdsNc;

/// <summary>VDS-NC: the published seals, and seals signed at test time under a test CSCA in a folder trust store.</summary>
public sealed class VdsNcParserTests : IDisposable
{
    private readonly TestPki _pki = new();

    public void Dispose() => _pki.Dispose();

    private static SealParseOptions Options(TrustStore? store, int year = 2025) =>
        new() { TrustStore = store, TimeProvider = new FixedTime(year, 1, 1) };

    [Fact]
    public void Parse_IcaoSpecimen_ReadsVaccinationFieldsAndVerifiesTheSignature()
    {
        var result = VdsNcParser.Parse(VdsNcVectors.IcaoSpecimen, Options(null));

        Assert.Equal(PayloadTypes.VdsNc, result.PayloadType);
        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("icao.vacc", result.GetValue("type"));
        Assert.Equal("1", result.GetValue("version"));
        Assert.Equal("UTO", result.GetValue("issuing_country"));
        Assert.Equal("U32870", result.GetValue("unique_vaccination_certificate_identifier", "msg"));
        Assert.Equal("Smith Bill", result.GetValue("name", "pid"));
        Assert.Equal("A1234567Z", result.GetValue("travel_document_number", "pid"));
        Assert.Equal("Comirnaty", result.GetValue("vaccine_brand", "ve_1"));
        Assert.Equal("2", result.GetValue("dose_number", "ve_1.vd_2"));
        Assert.Equal("2021-03-24", result.GetValue("date_of_next_vaccination", "ve_1.vd_1"));
        Assert.Equal("data.msg.ve[0].vd[1].lot", result.GetField("vaccine_lot_number", "ve_1.vd_2")!.Value.Code);
        Assert.Equal(CheckStatus.Passed, result.GetCheck("vdsnc.signature")!.Value.Status);
        Assert.Equal(SignatureStatus.NotVerified, result.Signature!.Status);
        Assert.Equal("vdsnc.certificate_chain", result.Signature.FailedCheck);
        Assert.Equal("CN=06, C=UT", result.Signature.SignerSubject);
    }

    [Fact]
    public void Parse_IcaoSpecimen_FieldOffsetsPointAtTheirCharacters()
    {
        var result = VdsNcParser.Parse(VdsNcVectors.IcaoSpecimen);

        var name = result.GetField("name", "pid")!.Value;
        Assert.Equal("Smith Bill", VdsNcVectors.IcaoSpecimen.Substring(name.Offset, name.Raw.Length));
    }

    [Fact]
    public void Parse_AustralianTestSealWithTheAusCsca_IsVerified()
    {
        using var csca = PublishedCertificates.Load(VdsNcVectors.AustralianCsca);
        using var store = TrustStore.FromCertificates([csca]);

        var result = VdsNcParser.Parse(VdsNcVectors.AustralianValid, Options(store));

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(SignatureStatus.Verified, result.Signature!.Status);
        Assert.Equal("CN=DFAT, C=AU", result.Signature.SignerSubject);
        Assert.Equal("CN=Passport Country Signing Authority, OU=APO, OU=DFAT, O=GOV, C=AU", result.Signature.CscaSubject);
        Assert.Equal("AU", result.Signature.SignerCountry);
        Assert.Null(result.Signature.SignedAt);
        Assert.Equal("Moderna Spikevax", result.GetValue("vaccine_brand", "ve_2"));
    }

    [Fact]
    public void Parse_AustralianTestSealWithTheNameChanged_IsInvalid()
    {
        using var csca = PublishedCertificates.Load(VdsNcVectors.AustralianCsca);
        using var store = TrustStore.FromCertificates([csca]);

        var result = VdsNcParser.Parse(VdsNcVectors.AustralianInvalid, Options(store));

        Assert.Equal(SignatureStatus.Invalid, result.Signature!.Status);
        Assert.Equal("vdsnc.signature", result.Signature.FailedCheck);
        Assert.Contains(result.Errors, e => e.Code == "signature_invalid");
    }

    [Fact]
    public void Parse_UntouchedGeneratedSeal_IsVerified()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);

        var result = VdsNcParser.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer), Options(store));

        Assert.True(result.Valid, string.Join("; ", result.Issues.Select(e => e.Message)));
        Assert.Equal(SignatureStatus.Verified, result.Signature!.Status);
        Assert.Equal("ES256", result.Signature.Algorithm);
        Assert.Equal("negative", result.GetValue("test_result", "tr"));
        Assert.Equal("lab@example.org", result.GetValue("email", "sp.cd"));
        Assert.Equal("L898902C3", result.GetValue("document_number", "pid"));
        Assert.Equal("2024-06-01T10:00:00Z", result.GetValue("specimen_collection_time", "dat"));
    }

    [Theory]
    [InlineData("\"negative\"", "\"positive\"")]
    [InlineData("\"U01932\"", "\"U01933\"")]
    [InlineData("\"v\":1", "\"v\":2")]
    [InlineData("\"is\":\"UTO\"", "\"is\":\"UTA\"")]
    public void Parse_OneCharacterChangedInData_IsInvalid(string from, string to)
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);
        var seal = VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer);
        Assert.Contains(from, seal, StringComparison.Ordinal);

        var result = VdsNcParser.Parse(seal.Replace(from, to, StringComparison.Ordinal), Options(store));

        Assert.Equal(SignatureStatus.Invalid, result.Signature!.Status);
        Assert.Equal(CheckStatus.Failed, result.GetCheck("vdsnc.signature")!.Value.Status);
    }

    [Fact]
    public void Parse_KeysReorderedAndWhitespaceAdded_IsStillVerified()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);
        var seal = JsonNode.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer))!.AsObject();
        var reordered = new JsonObject(seal.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value))));
        var text = reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).Replace("\n", "\r\n\t ", StringComparison.Ordinal);

        var result = VdsNcParser.Parse(text, Options(store));

        Assert.Equal(SignatureStatus.Verified, result.Signature!.Status);
    }

    [Fact]
    public void Parse_EquivalentNumberAndEscapeSpellings_AreStillVerified()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);
        var seal = VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer);

        var respelled = seal.Replace("\"v\":1", "\"v\":1.0E0", StringComparison.Ordinal).Replace("\"UTO\"", "\"\\u0055TO\"", StringComparison.Ordinal);

        Assert.Equal(SignatureStatus.Verified, VdsNcParser.Parse(respelled, Options(store)).Signature!.Status);
    }

    [Fact]
    public void Parse_CertificateNotIssuedByATrustedCsca_IsUntrusted()
    {
        var rogue = _pki.CreateCsca("UT", "Rogue CSCA");
        var (signer, key) = _pki.CreateSigner(issuer: rogue);
        var store = _pki.Store(_pki.Csca);

        var result = VdsNcParser.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer), Options(store));

        Assert.Equal(CheckStatus.Passed, result.GetCheck("vdsnc.signature")!.Value.Status);
        Assert.Equal(SignatureStatus.Untrusted, result.Signature!.Status);
        Assert.Equal("vdsnc.certificate_chain", result.Signature.FailedCheck);
    }

    [Fact]
    public void Parse_CertificateExpiredAtTheReferenceTime_IsUntrusted()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);

        var result = VdsNcParser.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer), Options(store, year: 2031));

        Assert.Equal(SignatureStatus.Untrusted, result.Signature!.Status);
        Assert.Equal("vdsnc.certificate_validity", result.Signature.FailedCheck);
    }

    [Fact]
    public void Parse_AlgorithmForAnotherCurve_IsInvalid()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);

        var result = VdsNcParser.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer, algorithm: "ES384"), Options(store));

        Assert.Equal(SignatureStatus.Invalid, result.Signature!.Status);
        Assert.Contains(result.Errors, e => e.Code == "algorithm_key_mismatch");
    }

    [Fact]
    public void Parse_P384SignerWithEs384_IsVerified()
    {
        var (signer, key) = _pki.CreateSigner(curve: System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var store = _pki.Store(_pki.Csca);

        Assert.Equal(SignatureStatus.Verified, VdsNcParser.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer), Options(store)).Signature!.Status);
    }

    [Theory]
    [InlineData("{\"data\":{", "bad_json")]
    [InlineData("{\"data\":{},\"sig\":{}}", "missing_member")]
    [InlineData("{\"data\":1,\"sig\":[]}", "wrong_member_type")]
    [InlineData("[\"data\",\"sig\"]", "not_vdsnc")]
    [InlineData("{\"data\":{\"a\":1,\"a\":2},\"sig\":{}}", "bad_json")]
    [InlineData("", "empty")]
    public void Parse_MalformedJson_ReportsPositionedErrors(string json, string code)
    {
        var result = VdsNcParser.Parse(json);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Code == code);
        Assert.All(result.Issues, i => Assert.InRange(i.Offset, 0, json.Length));
        Assert.Equal(SignatureStatus.NotVerified, result.Signature!.Status);
    }

    [Fact]
    public void Parse_BrokenJson_PointsAtTheFault()
    {
        const string Json = "{\n  \"data\": {\"hdr\": tru },\n  \"sig\": {}\n}";

        var error = Assert.Single(VdsNcParser.Parse(Json).Errors);

        Assert.Equal("bad_json", error.Code);
        Assert.InRange(error.Offset, Json.IndexOf("tru", StringComparison.Ordinal), Json.IndexOf("tru", StringComparison.Ordinal) + 4);
    }

    [Theory]
    [InlineData("sigvl", "not*base64")]
    [InlineData("cer", "AAAA")]
    [InlineData("cer", "%%%")]
    public void Parse_BadBase64OrCertificate_ReportsErrorsAndIsNotVerified(string member, string value)
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);
        var seal = JsonNode.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer))!;
        seal["sig"]![member] = value;

        var result = VdsNcParser.Parse(seal.ToJsonString(), Options(store));

        Assert.False(result.Valid);
        Assert.NotEqual(SignatureStatus.Verified, result.Signature!.Status);
    }

    [Fact]
    public void Parse_StandardBase64Alphabet_IsToleratedWhenLenientAndAnErrorWhenStrict()
    {
        var (signer, key) = _pki.CreateSigner();
        var store = _pki.Store(_pki.Csca);
        var seal = JsonNode.Parse(VdsNcWriter.Seal(VdsNcWriter.TestData(), key, signer))!;
        seal["sig"]!["cer"] = Convert.ToBase64String(signer.RawData);

        var lenient = VdsNcParser.Parse(seal.ToJsonString(), Options(store));
        var strict = VdsNcParser.Parse(seal.ToJsonString(), Options(store) with { Mode = ParseMode.Strict });

        Assert.Equal(SignatureStatus.Verified, lenient.Signature!.Status);
        Assert.Contains(lenient.Tolerances, t => t.Name == "base64_standard_alphabet");
        Assert.Contains(strict.Errors, e => e.Code == "base64_standard_alphabet");
    }

    [Fact]
    public void Parse_Utf8Bytes_ReportsByteOffsets()
    {
        const string Json = "{\"data\":{\"hdr\":{\"t\":\"x\",\"v\":1,\"is\":\"UTO\"},\"msg\":{\"n\":\"Ã©é\",\"m\":\"after\"}},\"sig\":{\"alg\":\"ES256\",\"cer\":\"\",\"sigvl\":\"\"}}";
        var bytes = System.Text.Encoding.UTF8.GetBytes(Json);

        var fromBytes = VdsNcParser.Parse(bytes).GetField("m", "msg")!.Value;
        var fromText = VdsNcParser.Parse(Json).GetField("m", "msg")!.Value;

        Assert.Equal(Json.IndexOf("after", StringComparison.Ordinal), fromText.Offset);
        Assert.Equal(fromText.Offset + 3, fromBytes.Offset);
    }

    private static JsonNode? Reverse(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Reverse).ToArray()),
        _ => node?.DeepClone(),
    };
}

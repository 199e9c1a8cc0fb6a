using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Lds;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// Passive authentication (Doc 9303 Part 12 §5): each data group's hash over the raw bytes read — never a re-encoding —
/// against EF.SOD, the SOD's signature with its document signer certificate, and that certificate's chain to a CSCA.
/// </summary>
internal static class PassiveAuthentication
{
    public static IReadOnlyList<ChipCheck> Verify(byte[] sodBytes, IReadOnlyDictionary<int, byte[]> dataGroups, CscaStore? csca, DateTimeOffset now, System.Globalization.CultureInfo c)
    {
        var checks = new List<ChipCheck>();
        SecurityObject sod;
        try
        {
            sod = SecurityObject.Parse(sodBytes);
        }
        catch (ChipException e)
        {
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Failed, ChipTexts.Format(c, "SodUnreadable", e.Message)));
            return checks;
        }

        foreach (var (number, raw) in dataGroups.Where(d => d.Key > 0))
        {
            var name = $"chip.dg{number}.hash";
            if (!sod.DataGroupHashes.TryGetValue(number, out var expected))
            {
                checks.Add(new ChipCheck(name, ChipCheckStatus.Failed, ChipTexts.Format(c, "DgNotInSod", number)));
                continue;
            }

            var actual = SecurityObject.Hash(sod.HashAlgorithm, raw);
            checks.Add(CryptographicOperations.FixedTimeEquals(actual, expected)
                ? new ChipCheck(name, ChipCheckStatus.Passed, ChipTexts.Format(c, "DgHashMatches", number, sod.HashAlgorithm.Name))
                : new ChipCheck(name, ChipCheckStatus.Failed, ChipTexts.Format(c, "DgHashMismatch", number, sod.HashAlgorithm.Name)));
        }

        var signer = sod.Signer;
        if (signer is null)
        {
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Failed, ChipTexts.Format(c, "SodNoSigner")));
            checks.Add(new ChipCheck("chip.signer.chain", ChipCheckStatus.NotPerformed, ChipTexts.Format(c, "NoSigner")));
            return checks;
        }

        try
        {
            sod.Cms.CheckSignature(verifySignatureOnly: true);
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Passed, ChipTexts.Format(c, "SodSignatureValid")));
        }
        catch (CryptographicException)
        {
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Failed, ChipTexts.Format(c, "SodSignatureInvalid")));
        }

        checks.Add(csca is null
            ? new ChipCheck("chip.signer.chain", ChipCheckStatus.Failed, ChipTexts.Format(c, "NoCscaStore"))
            : csca.Verify(signer, now, c));
        return checks;
    }
}
